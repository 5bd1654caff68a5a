using System.Net;

namespace SecurityGate.Sources.Live.Observatory;

/// <summary>
/// The registrable domain (eTLD+1) of a host name, as the Observatory computes it with the Public Suffix List
/// (tldts): <c>cdn.example.net</c> → <c>example.net</c>; IP addresses and single labels have none.
/// BCL-only approximation: a built-in list of the multi-label public suffixes seen in practice; any other
/// name's suffix is its last label (the list's default rule).
/// </summary>
public static class RegistrableDomain
{
    // ICANN section: the widely used second-level public suffixes.
    private static readonly HashSet<string> IcannMultiLabelSuffixes = new(StringComparer.Ordinal)
    {
        "co.uk", "org.uk", "me.uk", "ltd.uk", "plc.uk", "net.uk", "ac.uk", "gov.uk", "nhs.uk", "sch.uk",
        "com.au", "net.au", "org.au", "edu.au", "gov.au", "id.au", "asn.au",
        "co.nz", "net.nz", "org.nz", "govt.nz", "ac.nz",
        "co.jp", "ne.jp", "or.jp", "ac.jp", "go.jp", "gr.jp", "ad.jp", "ed.jp", "lg.jp",
        "co.kr", "or.kr", "ne.kr", "go.kr", "ac.kr",
        "com.br", "net.br", "org.br", "gov.br", "edu.br",
        "com.cn", "net.cn", "org.cn", "gov.cn", "edu.cn",
        "com.hk", "net.hk", "org.hk", "edu.hk", "gov.hk",
        "com.tw", "net.tw", "org.tw", "edu.tw", "gov.tw",
        "com.sg", "net.sg", "org.sg", "edu.sg", "gov.sg",
        "com.my", "net.my", "org.my", "com.ph", "com.vn", "co.th", "in.th", "co.id", "or.id", "ac.id",
        "co.in", "net.in", "org.in", "firm.in", "gen.in", "ind.in", "ac.in", "gov.in",
        "co.za", "org.za", "gov.za", "ac.za", "web.za",
        "com.mx", "org.mx", "gob.mx", "edu.mx", "com.ar", "gob.ar", "com.co", "gov.co", "com.pe", "com.uy",
        "com.tr", "org.tr", "gov.tr", "edu.tr", "co.il", "org.il", "ac.il", "gov.il",
        "com.sa", "com.eg", "com.ng", "co.ke", "com.pk", "com.ua", "com.pl", "net.pl", "org.pl",
        "co.at", "or.at", "gv.at", "ac.at", "com.es", "org.es", "com.pt", "com.gr", "co.hu",
    };

    // PRIVATE section: hosting platforms whose customers each get a registrable domain.
    private static readonly HashSet<string> PrivateSuffixes = new(StringComparer.Ordinal)
    {
        "github.io", "githubusercontent.com", "herokuapp.com", "vercel.app", "netlify.app", "pages.dev",
        "workers.dev", "azurewebsites.net", "cloudapp.net", "appspot.com", "web.app", "firebaseapp.com",
        "fly.dev", "onrender.com", "railway.app", "cloudfront.net", "amazonaws.com", "blogspot.com",
        "gitlab.io", "readthedocs.io", "pythonanywhere.com", "ngrok.io", "ngrok-free.app",
    };

    /// <summary>
    /// eTLD+1 of <paramref name="host"/>, or null for IPs, single labels and public suffixes themselves.
    /// <paramref name="includePrivateSuffixes"/>: also treat hosting platforms (github.io, …) as suffixes.
    /// </summary>
    public static string? Of(string? host, bool includePrivateSuffixes = false)
    {
        if (string.IsNullOrEmpty(host))
        {
            return null;
        }

        var name = host.TrimEnd('.').ToLowerInvariant();
        if (name.StartsWith('[') || IPAddress.TryParse(name, out _))
        {
            return null;
        }

        var labels = name.Split('.');
        if (labels.Length < 2 || labels.Any(l => l.Length == 0))
        {
            return null;
        }

        var suffixLabels = 1;
        for (var take = labels.Length - 1; take >= 2; take--)
        {
            var candidate = string.Join('.', labels[^take..]);
            if (IcannMultiLabelSuffixes.Contains(candidate) || (includePrivateSuffixes && PrivateSuffixes.Contains(candidate)))
            {
                suffixLabels = take;
                break;
            }
        }

        return labels.Length > suffixLabels ? string.Join('.', labels[^(suffixLabels + 1)..]) : null;
    }
}
