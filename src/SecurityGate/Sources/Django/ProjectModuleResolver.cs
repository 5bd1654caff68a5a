using SecurityGate.Sources.Discovery;
using SecurityGate.Sources.Python;

namespace SecurityGate.Sources.Django;

/// <summary>
/// Resolves modules for one Django project: its own root first (the folder Django puts on sys.path, where manage.py
/// lives), then the repository-wide search, so two projects in one repository never see each other's settings.
/// </summary>
public sealed class ProjectModuleResolver(IRepositoryFiles files, string projectRoot) : IPythonModuleResolver
{
    private readonly RepositoryPythonModuleResolver _repository = new(files);

    public PythonModuleSource? Resolve(string absoluteModuleName)
    {
        if (SettingsModuleLocator.ModulePath(files, projectRoot, absoluteModuleName) is { } path &&
            files.Read(path) is { Ok: true } read)
            return new PythonModuleSource(absoluteModuleName, path, read.Text, path.EndsWith("/__init__.py", StringComparison.Ordinal));
        return _repository.Resolve(absoluteModuleName);
    }
}
