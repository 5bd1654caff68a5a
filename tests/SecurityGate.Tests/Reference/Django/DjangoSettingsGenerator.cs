using System.Globalization;
using System.Text;

namespace SecurityGate.Tests.Reference.Django;

/// <summary>
/// Seeded generator of realistic Django settings packages for differential tests against Django's real
/// <c>check --deploy</c>. Every value stays within what a static analyser can know: literals, simple
/// arithmetic on literals, <c>os.environ.get</c>/<c>os.getenv</c> lookups with defaults (the environment is
/// part of the result), <c>not DEBUG</c>, and <c>if</c> blocks on such values; lists are built by
/// assignment and then <c>.append</c>/<c>.insert</c>/<c>+=</c>/<c>.remove</c>; split settings use
/// <c>from .base import *</c>. Only apps that ship with Django are installed, so every project imports
/// under Django 3.2, 4.2 and 5.2 alike.
/// </summary>
public static class DjangoSettingsGenerator
{
    public const string SecretAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)";

    private const string Security = "django.middleware.security.SecurityMiddleware";
    private const string Session = "django.contrib.sessions.middleware.SessionMiddleware";
    private const string Common = "django.middleware.common.CommonMiddleware";
    private const string Csrf = "django.middleware.csrf.CsrfViewMiddleware";
    private const string Auth = "django.contrib.auth.middleware.AuthenticationMiddleware";
    private const string Messages = "django.contrib.messages.middleware.MessageMiddleware";
    private const string XFrame = "django.middleware.clickjacking.XFrameOptionsMiddleware";

    private static readonly string[] StandardMiddleware = [Security, Session, Common, Csrf, Auth, Messages, XFrame];

    private const string AppAdmin = "django.contrib.admin";
    private const string AppAuth = "django.contrib.auth";
    private const string AppContentTypes = "django.contrib.contenttypes";
    private const string AppSessions = "django.contrib.sessions";
    private const string AppMessages = "django.contrib.messages";
    private const string AppStatic = "django.contrib.staticfiles";
    private const string AppHumanize = "django.contrib.humanize";
    private const string AppSitemaps = "django.contrib.sitemaps";

    private static readonly string[] PackageNames = ["mysite", "config", "project", "backend", "webapp", "shop"];

    public static DjangoSettingsProject Generate(int seed) => new Builder(seed).Build();

    /// <summary>A Python string literal (single-quoted).</summary>
    public static string PyStr(string s) =>
        "'" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    private enum Placement
    {
        Base,
        Override,
        BaseAndOverride,
    }

    private sealed class Builder(int seed)
    {
        private readonly Random _rng = new(seed);
        private readonly StringBuilder _base = new();
        private readonly StringBuilder _over = new();
        private readonly Dictionary<string, string> _env = new(StringComparer.Ordinal);
        private readonly HashSet<string> _envDecided = new(StringComparer.Ordinal);
        private readonly List<string> _choices = [];
        private bool _split;
        private bool _hardened;
        private string? _strongKey;
        private bool _emittingOverride;
        private bool _debugInBase;
        private bool _debugInOverride;

        /// <summary>Whether the module being written can refer to DEBUG without a NameError.</summary>
        private bool DebugDefined => _emittingOverride ? _debugInBase || _debugInOverride : _debugInBase;

        public DjangoSettingsProject Build()
        {
            var pkg = Pick(PackageNames);
            _split = Chance(0.45);
            _hardened = Chance(0.3);
            _choices.Add(_split ? "layout=split(base+production)" : "layout=single");
            _choices.Add(_hardened ? "profile=hardened-with-deviations" : "profile=random");
            var overrideModule = Pick("production", "prod", "deploy");

            _base.Append("\"\"\"Django settings for ").Append(pkg).Append(" (generated, seed ")
                .Append(seed.ToString(CultureInfo.InvariantCulture)).Append(").\"\"\"\n");
            _base.Append("import os\nfrom pathlib import Path\n\n");
            _base.Append("BASE_DIR = Path(__file__).resolve().parent.parent")
                .Append(_split ? ".parent" : "").Append("\n\n");
            if (_split)
            {
                _over.Append("\"\"\"Production overrides.\"\"\"\n");
                _over.Append("import os\n\nfrom .base import *  # noqa: F401,F403\n\n");
            }
            else
            {
                _over.Append("\n# --- deployment overrides ---\n");
            }

            Debug();
            SecretKey();
            AllowedHosts();
            var apps = InstalledApps();
            Middleware(pkg);
            _base.Append('\n').Append("ROOT_URLCONF = ").Append(PyStr(pkg + ".urls")).Append('\n');
            Templates(apps.Contains(AppAdmin));
            if (Chance(0.7))
            {
                _base.Append("\nDATABASES = {\n    'default': {\n        'ENGINE': 'django.db.backends.sqlite3',\n" +
                             "        'NAME': BASE_DIR / 'db.sqlite3',\n    }\n}\n");
            }

            if (apps.Contains(AppStatic) || Chance(0.3))
            {
                _base.Append("\nSTATIC_URL = ").Append(PyStr(Pick("/static/", "static/"))).Append('\n');
            }

            if (Chance(0.5))
            {
                _base.Append("DEFAULT_AUTO_FIELD = 'django.db.models.BigAutoField'\n");
            }

            _base.Append('\n');
            SecurityHeaders();
            Cookies();
            ReferrerAndCoop();
            SecretKeyFallbacks();
            ProductionBlock();
            Caches();
            Silenced();
            if (Chance(0.05))
            {
                _env["DJANGO_ALLOW_ASYNC_UNSAFE"] = Pick("true", "1");
                _choices.Add("env DJANGO_ALLOW_ASYNC_UNSAFE set");
            }

            var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                [pkg + "/__init__.py"] = "",
                [pkg + "/urls.py"] = apps.Contains(AppAdmin)
                    ? "from django.contrib import admin\nfrom django.urls import path\n\nurlpatterns = [\n    path('admin/', admin.site.urls),\n]\n"
                    : "urlpatterns = []\n",
            };
            string module;
            if (_split)
            {
                files[pkg + "/settings/__init__.py"] = "";
                files[pkg + "/settings/base.py"] = _base.ToString();
                files[pkg + "/settings/" + overrideModule + ".py"] = _over.ToString();
                module = pkg + ".settings." + overrideModule;
            }
            else
            {
                files[pkg + "/settings.py"] = _base.ToString() + _over;
                module = pkg + ".settings";
            }

            if (_customMiddlewareUsed)
            {
                files[pkg + "/middleware.py"] =
                    "from django.middleware.security import SecurityMiddleware\n\n\n" +
                    "class HardenedSecurityMiddleware(SecurityMiddleware):\n    \"\"\"Project subclass: Django's checks do not recognise it.\"\"\"\n";
            }

            return new DjangoSettingsProject(seed, module, files,
                new SortedDictionary<string, string>(_env, StringComparer.Ordinal), _choices);
        }

        // ---------------------------------------------------------------- helpers

        private bool Chance(double p) => _rng.NextDouble() < p;

        private T Pick<T>(params T[] items) => items[_rng.Next(items.Length)];

        private string Secret(int length, string alphabet = SecretAlphabet)
        {
            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                chars[i] = alphabet[_rng.Next(alphabet.Length)];
            }

            return new string(chars);
        }

        /// <summary>Decides once per variable whether (and to what) it is set in the environment.</summary>
        private void Env(string name, double setProbability, params string[] values)
        {
            if (!_envDecided.Add(name))
            {
                return;
            }

            if (Chance(setProbability))
            {
                _env[name] = Pick(values);
                _choices.Add($"env {name}={_env[name]}");
            }
            else
            {
                _choices.Add($"env {name} unset");
            }
        }

        private Placement Place() => !_split
            ? Pick(Placement.Base, Placement.Base, Placement.Base, Placement.Override, Placement.BaseAndOverride)
            : Pick(Placement.Base, Placement.Override, Placement.BaseAndOverride);

        /// <summary>Assigns a setting, possibly in base, in the override module, or in both (override wins).</summary>
        private void Assign(string name, Func<string> valueExpression)
        {
            var placement = Place();
            if (placement is Placement.Base or Placement.BaseAndOverride)
            {
                _emittingOverride = false;
                var v = valueExpression();
                _base.Append(name).Append(" = ").Append(v).Append('\n');
                _choices.Add($"{name}{(placement == Placement.BaseAndOverride ? "(base)" : "")}={v}");
            }

            if (placement is Placement.Override or Placement.BaseAndOverride)
            {
                _emittingOverride = true;
                var v = valueExpression();
                _over.Append(name).Append(" = ").Append(v).Append('\n');
                _choices.Add($"{name}(override)={v}");
            }

            _emittingOverride = false;
            if (name == "DEBUG")
            {
                _debugInBase = placement is Placement.Base or Placement.BaseAndOverride;
                _debugInOverride = placement is Placement.Override or Placement.BaseAndOverride;
            }
        }

        /// <summary>
        /// Assigns with probability <paramref name="present"/>, otherwise leaves Django's default. In the
        /// "hardened" profile the secure value is used most of the time (near-misses are the valuable cases).
        /// </summary>
        private void Maybe(double present, string name, Func<string> valueExpression)
        {
            if (_hardened && Chance(0.88))
            {
                var (secure, defaultIsSecure) = SecureValue(name);
                if (defaultIsSecure && Chance(0.5))
                {
                    _choices.Add($"{name} absent (secure default)");
                }
                else
                {
                    Assign(name, () => secure);
                }

                return;
            }

            if (Chance(present))
            {
                Assign(name, valueExpression);
            }
            else
            {
                _choices.Add($"{name} absent");
            }
        }

        private (string Value, bool DefaultIsSecure) SecureValue(string name) => name switch
        {
            "DEBUG" => ("False", true),
            "SECRET_KEY" => (PyStr(_strongKey ??= Secret(_rng.Next(50, 71))), false),
            "ALLOWED_HOSTS" => (Pick("['example.com']", "['.example.com']", "['*']"), false),
            "SECURE_HSTS_SECONDS" => (Pick("31536000", "3600", "60 * 60 * 24 * 365"), false),
            "SECURE_HSTS_INCLUDE_SUBDOMAINS" or "SECURE_HSTS_PRELOAD" or "SECURE_SSL_REDIRECT"
                or "SESSION_COOKIE_SECURE" or "CSRF_COOKIE_SECURE" => ("True", false),
            "SECURE_CONTENT_TYPE_NOSNIFF" or "SESSION_COOKIE_HTTPONLY" => ("True", true),
            "CSRF_USE_SESSIONS" => ("False", true),
            "X_FRAME_OPTIONS" => ("'DENY'", true),
            "SECURE_REFERRER_POLICY" => (Pick("'same-origin'", "'strict-origin-when-cross-origin'", "'no-referrer'"), true),
            "SECURE_CROSS_ORIGIN_OPENER_POLICY" => (Pick("'same-origin'", "'same-origin-allow-popups'"), true),
            "SECRET_KEY_FALLBACKS" => (Pick("[]", "[" + PyStr(Secret(64)) + "]"), true),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no secure value known"),
        };

        // ---------------------------------------------------------------- settings

        private void Debug()
        {
            Maybe(0.9, "DEBUG", () =>
            {
                switch (_rng.Next(7))
                {
                    case 0: return "True";
                    case 1: return "False";
                    case 2:
                        Env("DJANGO_DEBUG", 0.5, "True", "False", "true");
                        return "os.environ.get('DJANGO_DEBUG', 'False') == 'True'";
                    case 3:
                        Env("DEBUG", 0.5, "0", "1");
                        return "bool(int(os.environ.get('DEBUG', '0')))";
                    case 4:
                        Env("DJANGO_DEBUG", 0.5, "True", "False", "true");
                        return "os.getenv('DJANGO_DEBUG', 'false').lower() in ('1', 'true', 'yes')";
                    case 5:
                        Env("DJANGO_DEBUG", 0.5, "True", "False", "true");
                        return "'DJANGO_DEBUG' in os.environ";
                    default:
                        Env("DEBUG", 0.5, "0", "1");
                        return "os.environ.get('DEBUG', '1') == '1'";
                }
            });
        }

        private string SecretLiteral()
        {
            switch (_rng.Next(10))
            {
                case 0: return PyStr(Secret(_rng.Next(50, 71))); // strong
                case 1: return PyStr("django-insecure-" + Secret(50)); // startproject's key
                case 2: return PyStr(Secret(_rng.Next(8, 50))); // too short
                case 3: return PyStr(Secret(50)); // boundary: exactly 50
                case 4: return PyStr(Secret(49)); // boundary: 49
                case 5: return PyStr(string.Concat(Enumerable.Repeat("abcd", 20))); // 80 chars, 4 distinct
                case 6: return Pick("'ab' * 40", "'x' * 64", "'abcde' * 10"); // arithmetic on literals
                case 7: return PyStr(Pick("changeme", "secret", "your-secret-key-here", "dev"));
                case 8: return "''";
                default: return PyStr(Secret(_rng.Next(50, 71)));
            }
        }

        private void SecretKey()
        {
            Maybe(0.92, "SECRET_KEY", () =>
            {
                switch (_rng.Next(6))
                {
                    case 0:
                    case 1:
                        return SecretLiteral();
                    case 2:
                        Env("DJANGO_SECRET_KEY", 0.6, Secret(60), Secret(20), "django-insecure-" + Secret(50));
                        return "os.environ.get('DJANGO_SECRET_KEY', " + SecretLiteral() + ")";
                    case 3:
                        Env("DJANGO_SECRET_KEY", 0.6, Secret(60), Secret(20));
                        return "os.environ.get('DJANGO_SECRET_KEY')";
                    case 4:
                        Env("SECRET_KEY", 0.6, Secret(60), "short");
                        return "os.getenv('SECRET_KEY', " + SecretLiteral() + ")";
                    default:
                        return Chance(0.2) ? "None" : SecretLiteral();
                }
            });
        }

        private void AllowedHosts()
        {
            Maybe(0.85, "ALLOWED_HOSTS", () =>
            {
                switch (_rng.Next(8))
                {
                    case 0: return "[]";
                    case 1: return "['*']";
                    case 2: return "['example.com', 'www.example.com']";
                    case 3: return "['.example.com']";
                    case 4: return "('api.example.org',)";
                    case 5:
                        Env("DJANGO_ALLOWED_HOSTS", 0.5, "example.com", "example.com,www.example.com", "");
                        return "os.environ.get('DJANGO_ALLOWED_HOSTS', '').split(',')";
                    case 6:
                        Env("DJANGO_ALLOWED_HOSTS", 0.5, "example.com", "example.com,www.example.com");
                        return "os.environ.get('DJANGO_ALLOWED_HOSTS', 'localhost').split(',')";
                    default: return "['localhost', '127.0.0.1']";
                }
            });
            var inOverride = Chance(0.5);
            if (Chance(0.15) && (inOverride ? _debugInBase || _debugInOverride : _debugInBase))
            {
                var target = inOverride ? _over : _base;
                target.Append("if DEBUG:\n    ALLOWED_HOSTS = ['*']\n");
                _choices.Add("if DEBUG: ALLOWED_HOSTS=['*']");
            }
        }

        private List<string> InstalledApps()
        {
            var apps = new List<string>();
            var admin = Chance(0.45);
            var auth = admin || Chance(0.75);
            var contentTypes = auth || Chance(0.6);
            var sessions = Chance(0.7);
            var messages = admin || Chance(0.6);
            var staticFiles = Chance(0.7);
            if (admin) apps.Add(AppAdmin);
            if (auth) apps.Add(AppAuth);
            if (contentTypes) apps.Add(AppContentTypes);
            if (sessions) apps.Add(AppSessions);
            if (messages) apps.Add(AppMessages);
            if (staticFiles) apps.Add(AppStatic);
            if (Chance(0.2)) apps.Add(AppHumanize);

            var tuple = Chance(0.12);
            _base.Append("INSTALLED_APPS = ").Append(PyList(apps, tuple)).Append('\n');
            _choices.Add("INSTALLED_APPS=" + string.Join(",", apps.Select(a => a["django.contrib.".Length..])));

            // later mutations never break app dependencies: only apps nobody depends on are added/removed
            var inOverride = false; // once a mutation is in the override module, later ones must be too (execution order)
            if (Chance(0.35))
            {
                inOverride = _split && Chance(0.6);
                var target = inOverride ? _over : _base;
                var candidates = new[] { AppSessions, AppSitemaps, AppHumanize }.Where(a => !apps.Contains(a)).ToList();
                if (candidates.Count > 0)
                {
                    var add = Pick(candidates.ToArray());
                    apps.Add(add);
                    var op = tuple ? "INSTALLED_APPS += (" + PyStr(add) + ",)" : Pick(
                        "INSTALLED_APPS += [" + PyStr(add) + "]",
                        "INSTALLED_APPS.append(" + PyStr(add) + ")",
                        "INSTALLED_APPS = INSTALLED_APPS + [" + PyStr(add) + "]");
                    target.Append(op).Append('\n');
                    _choices.Add(op);
                }
            }

            if (!tuple && apps.Contains(AppSessions) && Chance(0.12))
            {
                var target = inOverride || (_split && Chance(0.6)) ? _over : _base;
                apps.Remove(AppSessions);
                target.Append("INSTALLED_APPS.remove(").Append(PyStr(AppSessions)).Append(")\n");
                _choices.Add("INSTALLED_APPS.remove(sessions)");
            }

            return apps;
        }

        private bool _customMiddlewareUsed;

        private void Middleware(string pkg)
        {
            var mw = StandardMiddleware.Where(_ => Chance(_hardened ? 0.97 : 0.82)).ToList();
            if (Chance(0.1))
            {
                mw.Insert(Math.Min(1, mw.Count), "corsheaders.middleware.CorsMiddleware"); // third-party, never imported by check
            }

            if (Chance(0.06) && mw.Remove(Security))
            {
                mw.Insert(0, pkg + ".middleware.HardenedSecurityMiddleware"); // a subclass: W001 anyway
                _customMiddlewareUsed = true;
            }

            var tuple = Chance(0.12);
            _base.Append('\n').Append("MIDDLEWARE = ").Append(PyList(mw, tuple)).Append('\n');
            _choices.Add("MIDDLEWARE=" + string.Join(",", mw.Select(m => m[(m.LastIndexOf('.') + 1)..])));

            var mutations = _rng.Next(0, _hardened ? 2 : 3);
            var inOverride = false; // once a mutation is in the override module, later ones must be too (execution order)
            for (var i = 0; i < mutations; i++)
            {
                inOverride |= _split && Chance(0.7);
                var target = inOverride ? _over : _base;
                string op;
                if (tuple)
                {
                    var add = Pick(StandardMiddleware);
                    op = "MIDDLEWARE += (" + PyStr(add) + ",)";
                    mw.Add(add);
                }
                else
                {
                    var present = mw.Where(StandardMiddleware.Contains).ToArray();
                    var missing = StandardMiddleware.Where(m => !mw.Contains(m)).ToArray();
                    var kind = _rng.Next(5);
                    if (kind == 4 && present.Length > 0)
                    {
                        var rm = Pick(present);
                        op = "MIDDLEWARE.remove(" + PyStr(rm) + ")";
                        mw.Remove(rm);
                    }
                    else
                    {
                        var add = missing.Length > 0 ? Pick(missing) : Pick(StandardMiddleware);
                        op = kind switch
                        {
                            0 => "MIDDLEWARE.insert(0, " + PyStr(add) + ")",
                            1 => "MIDDLEWARE.append(" + PyStr(add) + ")",
                            2 => "MIDDLEWARE += [" + PyStr(add) + "]",
                            _ => "MIDDLEWARE = MIDDLEWARE + [" + PyStr(add) + "]",
                        };
                        mw.Add(add);
                    }
                }

                target.Append(op).Append('\n');
                _choices.Add(op);
            }
        }

        private void Templates(bool admin)
        {
            if (!admin && Chance(0.4))
            {
                return;
            }

            _base.Append("""

                TEMPLATES = [
                    {
                        'BACKEND': 'django.template.backends.django.DjangoTemplates',
                        'DIRS': [],
                        'APP_DIRS': True,
                        'OPTIONS': {
                            'context_processors': [
                                'django.template.context_processors.debug',
                                'django.template.context_processors.request',
                                'django.contrib.auth.context_processors.auth',
                                'django.contrib.messages.context_processors.messages',
                            ],
                        },
                    },
                ]

                """);
        }

        private string Boolish() => Pick("True", "False", "'1'", "1", "'True'", "0");

        private void SecurityHeaders()
        {
            Maybe(0.7, "SECURE_HSTS_SECONDS", () =>
            {
                switch (_rng.Next(8))
                {
                    case 0: return "0";
                    case 1: return "None";
                    case 2: return "-1";
                    case 3: return "3600";
                    case 4: return "31536000";
                    case 5: return "60 * 60 * 24 * 365";
                    case 6:
                        Env("DJANGO_SECURE_HSTS_SECONDS", 0.5, "0", "3600", "31536000");
                        return "int(os.environ.get('DJANGO_SECURE_HSTS_SECONDS', '0'))";
                    default: return "2592000";
                }
            });
            Maybe(0.6, "SECURE_HSTS_INCLUDE_SUBDOMAINS", BoolishStrict);
            Maybe(0.5, "SECURE_HSTS_PRELOAD", BoolishStrict);
            Maybe(0.65, "SECURE_SSL_REDIRECT", () =>
            {
                switch (_rng.Next(4))
                {
                    case 0 when DebugDefined: return "not DEBUG";
                    case 1:
                        Env("DJANGO_SECURE_SSL_REDIRECT", 0.5, "True", "False");
                        return "os.environ.get('DJANGO_SECURE_SSL_REDIRECT', 'True') == 'True'";
                    default: return BoolishStrict();
                }
            });
            Maybe(0.4, "SECURE_CONTENT_TYPE_NOSNIFF", () => Pick("True", "False", "1"));
            Maybe(0.45, "X_FRAME_OPTIONS", () => PyStr(Pick("DENY", "SAMEORIGIN", "deny", "sameorigin")));
            if (Chance(0.25))
            {
                _base.Append("SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')\n");
            }
        }

        private string BoolishStrict() => Pick("True", "True", "False", "'1'", "1");

        private void Cookies()
        {
            string SecureFlag(string env)
            {
                switch (_rng.Next(6))
                {
                    case 0 when DebugDefined: return "not DEBUG";
                    case 1:
                        Env(env, 0.5, "True", "False");
                        return $"os.environ.get('{env}', 'True') == 'True'";
                    default: return BoolishStrict();
                }
            }

            Maybe(0.7, "SESSION_COOKIE_SECURE", () => SecureFlag("DJANGO_SESSION_COOKIE_SECURE"));
            Maybe(0.35, "SESSION_COOKIE_HTTPONLY", BoolishStrict);
            Maybe(0.7, "CSRF_COOKIE_SECURE", () => SecureFlag("DJANGO_CSRF_COOKIE_SECURE"));
            Maybe(0.2, "CSRF_USE_SESSIONS", () => Pick("True", "False"));
            if (Chance(0.2))
            {
                _base.Append("CSRF_TRUSTED_ORIGINS = ['https://example.com']\n");
            }
        }

        private void ReferrerAndCoop()
        {
            Maybe(0.45, "SECURE_REFERRER_POLICY", () => Pick(
                "None", "'same-origin'", "'strict-origin-when-cross-origin'", "'no-referrer'", "'invalid-value'",
                "''", "['same-origin', 'origin']", "('no-referrer', 'strict-origin')", "'strict-origin, origin'",
                "'Same-Origin'", "['same-origin', 'bogus']"));
            Maybe(0.35, "SECURE_CROSS_ORIGIN_OPENER_POLICY", () => Pick(
                "None", "'same-origin'", "'same-origin-allow-popups'", "'unsafe-none'", "'invalid-value'",
                "'noopener-allow-popups'", "'Same-Origin'"));
        }

        private void SecretKeyFallbacks()
        {
            Maybe(0.3, "SECRET_KEY_FALLBACKS", () =>
            {
                switch (_rng.Next(7))
                {
                    case 0: return "[]";
                    case 1: return "[" + PyStr(Secret(60)) + "]";
                    case 2: return "[" + PyStr(Secret(60)) + ", 'badkey']";
                    case 3: return "[" + PyStr("django-insecure-" + Secret(50)) + "]";
                    case 4: return "[" + PyStr(Secret(60)) + ", " + PyStr(Secret(30)) + ", 'x' * 60]";
                    case 5:
                        Env("DJANGO_OLD_SECRET_KEYS", 0.5, Secret(60), Secret(60) + "," + Secret(10));
                        return "os.environ.get('DJANGO_OLD_SECRET_KEYS', '').split(',')";
                    default: return "[" + SecretLiteral() + "]";
                }
            });
        }

        /// <summary>A conditional hardening block, as many real settings files have.</summary>
        private void ProductionBlock()
        {
            if (!Chance(0.25))
            {
                return;
            }

            var target = _split ? _over : _base;
            _emittingOverride = _split;
            string condition;
            if (Chance(0.5) && DebugDefined)
            {
                condition = "not DEBUG";
            }
            else
            {
                Env("DJANGO_ENV", 0.6, "production", "development");
                target.Append("ENVIRONMENT = os.environ.get('DJANGO_ENV', 'development')\n");
                condition = "ENVIRONMENT == 'production'";
            }

            target.Append("if ").Append(condition).Append(":\n");
            var any = false;
            foreach (var (name, value) in new[]
                     {
                         ("SECURE_SSL_REDIRECT", "True"), ("SESSION_COOKIE_SECURE", "True"), ("CSRF_COOKIE_SECURE", "True"),
                         ("SECURE_HSTS_SECONDS", "31536000"), ("SECURE_HSTS_INCLUDE_SUBDOMAINS", "True"), ("SECURE_HSTS_PRELOAD", "True"),
                     })
            {
                if (Chance(0.6))
                {
                    target.Append("    ").Append(name).Append(" = ").Append(value).Append('\n');
                    any = true;
                }
            }

            if (!any)
            {
                target.Append("    SECURE_SSL_REDIRECT = True\n");
            }

            target.Append("else:\n    ").Append(Pick("SESSION_COOKIE_SECURE = False", "SECURE_SSL_REDIRECT = False", "pass")).Append('\n');
            _choices.Add($"if {condition}: hardening block");
            _emittingOverride = false;
        }

        private void Caches()
        {
            if (!Chance(0.1))
            {
                return;
            }

            var inside = Chance(0.6);
            _base.Append("STATIC_ROOT = '/srv/app/static'\n");
            _base.Append("CACHES = {\n    'default': {\n        'BACKEND': 'django.core.cache.backends.filebased.FileBasedCache',\n")
                .Append("        'LOCATION': ").Append(PyStr(inside ? "/srv/app/static/cache" : "/var/tmp/django_cache")).Append(",\n    }\n}\n");
            _choices.Add(inside ? "file cache inside STATIC_ROOT" : "file cache outside STATIC_ROOT");
        }

        private void Silenced()
        {
            if (Chance(0.1))
            {
                var v = Pick("['security.W004']", "['security.W008', 'security.W004']", "['security.W009']");
                (_split && Chance(0.5) ? _over : _base).Append("SILENCED_SYSTEM_CHECKS = ").Append(v).Append('\n');
                _choices.Add("SILENCED_SYSTEM_CHECKS=" + v);
            }
        }

        private static string PyList(IReadOnlyList<string> items, bool tuple)
        {
            var sb = new StringBuilder(tuple ? "(\n" : "[\n");
            foreach (var i in items)
            {
                sb.Append("    ").Append(PyStr(i)).Append(",\n");
            }

            return sb.Append(tuple ? ")" : "]").ToString();
        }
    }
}
