using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SecurityGate.Tests.Sources.Live.Probe;

/// <summary>
/// Debian's nginx started by the test on 127.0.0.1 with a generated configuration in a temporary directory, in the
/// foreground without a master process, so the one process we start is the one we stop (by its PID).
/// A missing nginx fails the test with the install command: no silent skip.
/// </summary>
public sealed class NginxServer : IDisposable
{
    public const string InstallHint = "nginx is not installed: run 'apt-get install -y nginx' (CI installs it).";

    private static readonly string[] Candidates = ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx"];
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _process;

    public string Directory { get; }
    public int Port { get; }

    private NginxServer(Process process, string directory, int port)
    {
        _process = process;
        Directory = directory;
        Port = port;
    }

    public Uri Url(string scheme = "https", string path = "/") => new($"{scheme}://127.0.0.1:{Port}{path}");

    /// <param name="serverBlock">The body of the server { } block; {PORT}, {CERT} and {KEY} are filled in.</param>
    public static async Task<NginxServer> StartAsync(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate, string serverBlock)
    {
        var binary = Candidates.FirstOrDefault(File.Exists);
        if (binary is null)
        {
            Assert.Fail(InstallHint);
        }

        var directory = Path.Combine(Path.GetTempPath(), $"securitygate-nginx-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(directory);
        var (certificatePath, keyPath) = TestCertificates.WritePem(certificate, directory);
        var port = FreePort();
        var configuration = $$"""
            worker_processes 1;
            master_process off;
            daemon off;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log;
            events { worker_connections 64; }
            http {
              access_log off;
              server_tokens off;
              client_body_temp_path {{directory}}/client;
              proxy_temp_path {{directory}}/proxy;
              fastcgi_temp_path {{directory}}/fastcgi;
              uwsgi_temp_path {{directory}}/uwsgi;
              scgi_temp_path {{directory}}/scgi;
              server {
                {{serverBlock.Replace("{PORT}", port.ToString()).Replace("{CERT}", certificatePath).Replace("{KEY}", keyPath)}}
              }
            }
            """;
        var configurationPath = Path.Combine(directory, "nginx.conf");
        await File.WriteAllTextAsync(configurationPath, configuration);

        var start = new ProcessStartInfo(binary!)
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var argument in new[] { "-p", directory, "-c", configurationPath, "-e", Path.Combine(directory, "error.log") })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start");
        var server = new NginxServer(process, directory, port);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartupTimeout)
        {
            if (process.HasExited)
            {
                break;
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        var log = File.Exists(Path.Combine(directory, "error.log")) ? await File.ReadAllTextAsync(Path.Combine(directory, "error.log")) : "";
        server.Dispose();
        throw new InvalidOperationException($"nginx did not listen on 127.0.0.1:{port}: {log}");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(); // the process we started, by its PID
            _process.WaitForExit(5000);
        }

        _process.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp directory is harmless
        }
    }
}
