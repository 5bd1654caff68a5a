namespace SecurityGate.Action;

/// <summary>
/// The <c>image:</c> inputs: the app image (built earlier in the workflow) that the gate audits, starts on the host
/// network, probes like a staging URL, and always removes.
/// </summary>
/// <param name="DjangoCheck">django-check-in-image: also run Django's own check --deploy in a throwaway container.</param>
/// <param name="Network">image-network: auto, host or container:&lt;name&gt; (see <see cref="Docker.AppNetwork"/>).</param>
public sealed record ImageInput(string Image, int Port, string HealthPath, string? EnvFile, string? Command,
    bool DjangoCheck = false, string Network = Docker.AppNetwork.Auto)
{
    public const int DefaultPort = 8000;
}
