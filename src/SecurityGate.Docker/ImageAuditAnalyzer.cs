using Docker.DotNet;
using SecurityGate.Docker.Rules;
using SecurityGate.Findings;
using SecurityGate.Gate;
using SecurityGate.Rules;
using SecurityGate.Rules.Engine;

namespace SecurityGate.Docker;

/// <summary>What to audit in an app image.</summary>
public sealed record ImageAuditOptions
{
    public required string Image { get; init; }
    /// <summary>Folder holding the Django project; empty = the image's WORKDIR, else <see cref="DefaultAppFolder"/>.</summary>
    public string AppFolder { get; init; } = "";
    /// <summary>Also read the project out of the image and judge its settings with the Django rules.</summary>
    public bool AnalyzeDjangoSettings { get; init; } = true;
    public ImageFileLimits Limits { get; init; } = ImageFileLimits.Default;

    public const string DefaultAppFolder = "/app";
}

/// <summary>
/// Audits a built app image: its configuration (DOC1xx rules) and, read out of a never-started container, its Django
/// settings judged by the ordinary Django rules with the image's ENV as the production environment (the env-file, when
/// given, wins). Runs nothing from the image.
/// </summary>
public sealed class ImageAuditAnalyzer(IDockerClient client, ImageAuditOptions options) : IAnalyzer
{
    public string Name => "image";

    public IReadOnlyList<RuleDescriptor> Rules { get; } = [.. ImageRules.All.Select(r => r.Descriptor)];

    public async Task<AnalyzerOutput> AnalyzeAsync(ScanContext context, CancellationToken cancellationToken)
    {
        var image = await ImageInspector.InspectAsync(client, options.Image, cancellationToken);
        var findings = new List<Finding>();
        foreach (var rule in ImageRules.All)
            findings.AddRange(Evaluate(rule, image));

        if (options.AnalyzeDjangoSettings)
            findings.AddRange(await AnalyzeDjangoAsync(image, context, cancellationToken));
        return AnalyzerOutput.Of(findings);
    }

    private static IEnumerable<Finding> Evaluate(IRule<ImageFacts> rule, ImageFacts image)
    {
        try
        {
            return rule.Evaluate(image).ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return [SG000InternalError.Create($"rule {rule.Descriptor.Id}", e)];
        }
    }

    private async Task<IEnumerable<Finding>> AnalyzeDjangoAsync(ImageFacts image, ScanContext context, CancellationToken cancellationToken)
    {
        var folder = options.AppFolder.Length > 0 ? options.AppFolder
            : image.WorkingDir.Length > 0 ? image.WorkingDir
            : ImageAuditOptions.DefaultAppFolder;
        var files = await ImageFileReader.ReadFolderAsync(client, options.Image, folder, options.Limits, cancellationToken);
        // The image's ENV is what its containers get; an explicit production env-file describes the deploy and wins.
        var environment = image.Environment.SetItems(context.ProductionEnvironment);
        var imageContext = new ScanContext(context.Options, files, environment);
        var output = await DjangoAnalyzer.Create().AnalyzeAsync(imageContext, cancellationToken);
        var prefix = folder.TrimEnd('/') + "/";
        // Paths point into the image, and the target names it, so these never mix with the repository's own findings.
        return output.Findings.Select(f => f with
        {
            Location = f.Location is { } location ? location with { Path = prefix + location.Path } : null,
            Target = $"{image.Target} {f.Target}",
        });
    }
}
