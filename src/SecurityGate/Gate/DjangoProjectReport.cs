namespace SecurityGate.Gate;

/// <summary>
/// Which settings module was judged as a deploy target and against which Django version — and why — so a reader of the
/// report can check the gate judged what they deploy.
/// </summary>
public sealed record DjangoProjectReport(
    string SettingsModule,
    string ModulePath,
    string ChosenBecause,
    string DjangoVersion,
    string VersionSource);
