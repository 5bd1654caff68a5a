namespace SecurityGate.Gate;

/// <summary>
/// Which settings module was judged as a deploy target and against which Django version — and why — so a reader of the
/// report can check the gate judged what they deploy. For django-configurations projects, also which configuration class
/// (DJANGO_CONFIGURATION) was judged and why; null otherwise.
/// </summary>
public sealed record DjangoProjectReport(
    string SettingsModule,
    string ModulePath,
    string ChosenBecause,
    string DjangoVersion,
    string VersionSource,
    string? ConfigurationClass = null,
    string? ConfigurationChosenBecause = null);
