using System.Collections.Immutable;
using SecurityGate.Configuration;
using SecurityGate.Findings;
using SecurityGate.Gate;
using SecurityGate.Rules.Engine;
using SecurityGate.Sources.Python;

namespace SecurityGate.Sources.Django;

/// <summary>
/// Finds the settings modules that are deploy targets, works out the Django version, and evaluates each module
/// statically (tokenize, parse, abstract evaluation against the production environment). Never runs Python.
/// </summary>
public static class DjangoSettingsSource
{
    public static SourceOutput<DjangoSettings> Load(ScanContext context)
    {
        var files = context.Files;
        var options = context.Options;
        var candidates = SettingsModuleLocator.Locate(files, options.DjangoSettingsModule);
        if (candidates.Count == 0)
            return new SourceOutput<DjangoSettings>([], []);

        var (version, versionSource) = options.DjangoVersion is { } configured
            ? (configured, "configuration (django.version / --django-version)")
            : DjangoVersionDetector.Detect(files) is { } detected
                ? (detected.Version, detected.Source)
                : (DjangoVersion.Latest, $"no Django pin found; assuming the latest known release {DjangoVersion.Latest}");

        var models = ImmutableArray.CreateBuilder<DjangoSettings>();
        var problems = ImmutableArray.CreateBuilder<Finding>();
        foreach (var candidate in candidates)
        {
            var path = SettingsModuleLocator.ModulePath(files, candidate.ProjectRoot, candidate.Module);
            if (path is null)
            {
                if (options.DjangoSettingsModule is not null)
                    throw new ConfigurationException(
                        $"django.settings-module: no module {candidate.Module} in the repository (looked for {candidate.Module.Replace('.', '/')}.py).");
                continue; // an entry point names a module that is not in the repository (e.g. generated at deploy time)
            }

            var resolver = new ProjectModuleResolver(files, candidate.ProjectRoot);
            var evaluator = new PythonEvaluator(resolver, context.ProductionEnvironment, environmentIsComplete: options.EnvFile is not null);
            var evaluation = evaluator.EvaluateModule(candidate.Module);
            // django-configurations: the chosen class's attributes are the settings.
            var configuration = ConfigurationClassChooser.Choose(PythonEvaluator.ConfigurationClasses(evaluation), files,
                candidate.ProjectRoot, context.ProductionEnvironment);
            if (configuration is not null)
                evaluation = evaluator.WithConfiguration(evaluation, configuration.ClassName) ?? evaluation;
            foreach (var note in evaluation.Notes.Where(n => n.Kind == PythonNoteKind.UnparsedStatement && n.Location is not null))
                problems.Add(SG001UnparseableFile.Create(
                    $"Could not parse a statement of {note.Location!.Path}: {note.Message}; settings it sets were not judged.", note.Location));
            models.Add(new DjangoSettings(candidate.Module, path, candidate.ChosenBecause, version, versionSource, evaluation, configuration));
        }
        return new SourceOutput<DjangoSettings>(models.ToImmutable(), problems.ToImmutable());
    }
}
