namespace SecurityGate.Sources.Nginx;

/// <summary>Directive names the nginx source and rules look at.</summary>
public static class NginxNames
{
    public const string Http = "http";
    public const string Server = "server";
    public const string Location = "location";
    public const string If = "if";
    public const string Upstream = "upstream";
    public const string Stream = "stream";
    public const string Mail = "mail";
    public const string Include = "include";
    public const string Listen = "listen";
    public const string ServerName = "server_name";
    public const string Return = "return";
    public const string Rewrite = "rewrite";
    public const string Ssl = "ssl";
    public const string SslProtocols = "ssl_protocols";
    public const string AddHeader = "add_header";
    public const string AddHeaderInherit = "add_header_inherit";
    public const string ServerTokens = "server_tokens";
    public const string ProxyPass = "proxy_pass";
    public const string ProxySetHeader = "proxy_set_header";
}
