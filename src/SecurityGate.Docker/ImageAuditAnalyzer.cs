using Docker.DotNet;
using SecurityGate.Docker.DjangoCheck;
using SecurityGate.Docker.Rules;
using SecurityGate.Findings;
using SecurityGate.Gate;
using SecurityGate.Rules;
using SecurityGate.Rules.Engine;
using SecurityGate.Sources.Discovery;

namespace SecurityGate.Docker;

/// <summary>What to audit in an app image.</summary>
public sealed record ImageAuditOptions
{
    public required string Image { get; init; }
    /// <summary>Folder holding the Django project; empty = the image's WORKDIR (unless it is /), else <see cref="DefaultAppFolder"/>.</summary>
    public string AppFolder { get; init; } = "";
    /// <summary>Also read the project out of the image and judge its settings with the Django rules.</summary>
    public bool AnalyzeDjangoSettings { get; init; } = true;
    public ImageFileLimits Limits { get; init; } = ImageFileLimits.Default;
    /// <summary>Also run Django's own check --deploy inside a throwaway container of the image (opt-in: it runs the
    /// project's code); null = do not.</summary>
    public DjangoCheckOptions? DjangoCheck { get; init; }

    public const string DefaultAppFolder = "/app";
}

/// <summary>
/// Audits a built app image: its configuration (DOC1xx rules) and, read out of a never-started container, its Django
/// settings judged by the ordinary Django rules with the image's ENV as the production environment (the env-file, when
/// given, wins). Runs nothing from the image, except Django's own check when <see cref="ImageAuditOptions.DjangoCheck"/>
/// asks for it (in a throwaway, network-less container).
/// </summary>
public sealed class ImageAuditAnalyzer(IDockerClient client, ImageAuditOptions options) : IAnalyzer
{
    public string Name => "image";

    /// <summary>The references key of Django's check ids (<c>security.W004</c>).</summary>
    private const string DjangoReference = "django";

    public IReadOnlyList<RuleDescriptor> Rules { get; } = AllRules;

    /// <summary>Every rule the image audit can report (image configuration and the in-image Django check).</summary>
    public static IReadOnlyList<RuleDescriptor> AllRules { get; } =
        [.. ImageRules.All.Select(r => r.Descriptor), ImageRules.AppFolder.Descriptor, .. DjangoCheckRules.All.Select(r => r.Descriptor)];

    public async Task<AnalyzerOutput> AnalyzeAsync(ScanContext context, CancellationToken cancellationToken)
    {
        var image = await ImageInspector.InspectAsync(client, options.Image, cancellationToken);
        var findings = new List<Finding>();
        foreach (var rule in ImageRules.All)
            findings.AddRange(Evaluate(rule, image));
        if (!options.AnalyzeDjangoSettings && options.DjangoCheck is null)
            return AnalyzerOutput.Of(findings);

        var folder = AppFolderOf(options, image);
        var read = await ImageFileReader.ReadFolderAsync(client, options.Image, folder, options.Limits, cancellationToken);
        findings.AddRange(Evaluate(ImageRules.AppFolder, new ImageAppFolder(options.Image, folder, read is not null)));
        // Without the folder there are no settings to judge; the check, if asked for, then reports no manage.py (DOC108).
        var files = read ?? new InMemoryRepositoryFiles();
        // The container run takes seconds: start it first, judge the settings statically meanwhile.
        var check = options.DjangoCheck is { } checkOptions
            ? DjangoCheckInImage.RunAsync(client, image, folder, files, checkOptions, cancellationToken)
            : null;
        var settingsFindings = options.AnalyzeDjangoSettings
            ? (await AnalyzeDjangoAsync(image, folder, files, context, cancellationToken)).ToList()
            : [];
        findings.AddRange(settingsFindings);
        if (check is null)
            return AnalyzerOutput.Of(findings);

        var run = await check;
        findings.AddRange(Evaluate(DjangoCheckRules.Failed, run));
        findings.AddRange(NotReportedYet(Evaluate(DjangoCheckRules.Messages, run), settingsFindings));
        return AnalyzerOutput.Of(findings);
    }

    /// <summary>Where the Django project is read from: the configured folder, else WORKDIR, else /app.</summary>
    internal static string AppFolderOf(ImageAuditOptions options, ImageFacts image) =>
        options.AppFolder.Length > 0 ? options.AppFolder
        : image.WorkingDir is { Length: > 0 } workdir && workdir != "/" ? workdir // "/" would be the whole file system
        : ImageAuditOptions.DefaultAppFolder;

    /// <summary>
    /// Django's own messages minus those whose check id (refs.django) the static findings on the same settings — the
    /// ones shipped in this image — already carry: W004 from Django repeats DJ007 and is dropped, unless the static
    /// reader could not judge HSTS.
    /// </summary>
    private static IEnumerable<Finding> NotReportedYet(IEnumerable<Finding> fromDjango, IReadOnlyList<Finding> settingsFindings)
    {
        var known = settingsFindings.Select(f => f.References.GetValueOrDefault(DjangoReference)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return fromDjango.Where(f => f.References.GetValueOrDefault(DjangoReference) is not { } id || !known.Contains(id));
    }

    private static IEnumerable<Finding> Evaluate<TModel>(IRule<TModel> rule, TModel model)
    {
        try
        {
            return rule.Evaluate(model).ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return [SG000InternalError.Create($"rule {rule.Descriptor.Id}", e)];
        }
    }

    private static async Task<IEnumerable<Finding>> AnalyzeDjangoAsync(ImageFacts image, string folder, InMemoryRepositoryFiles files,
        ScanContext context, CancellationToken cancellationToken)
    {
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
