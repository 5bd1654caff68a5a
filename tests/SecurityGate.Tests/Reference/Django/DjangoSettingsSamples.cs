namespace SecurityGate.Tests.Reference.Django;

/// <summary>Hand-written settings modules with known <c>check --deploy</c> results.</summary>
public static class DjangoSettingsSamples
{
    /// <summary>
    /// What <c>django-admin startproject demo</c> writes (Django 3.2 template; 4.2/5.2 differ only in comments
    /// and USE_L10N), with a fixed key. Reference doc §5: W004, W008, W009, W012, W016, W018, W020.
    /// </summary>
    public const string Startproject = """
        from pathlib import Path

        BASE_DIR = Path(__file__).resolve().parent.parent

        SECRET_KEY = 'django-insecure-pm^&sv%ycr25(38clu4e+3q#*61m#s6moo^ar8vb804f6zou%0'

        DEBUG = True

        ALLOWED_HOSTS = []

        INSTALLED_APPS = [
            'django.contrib.admin',
            'django.contrib.auth',
            'django.contrib.contenttypes',
            'django.contrib.sessions',
            'django.contrib.messages',
            'django.contrib.staticfiles',
        ]

        MIDDLEWARE = [
            'django.middleware.security.SecurityMiddleware',
            'django.contrib.sessions.middleware.SessionMiddleware',
            'django.middleware.common.CommonMiddleware',
            'django.middleware.csrf.CsrfViewMiddleware',
            'django.contrib.auth.middleware.AuthenticationMiddleware',
            'django.contrib.messages.middleware.MessageMiddleware',
            'django.middleware.clickjacking.XFrameOptionsMiddleware',
        ]

        ROOT_URLCONF = 'demo.urls'

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

        WSGI_APPLICATION = 'demo.wsgi.application'

        DATABASES = {
            'default': {
                'ENGINE': 'django.db.backends.sqlite3',
                'NAME': BASE_DIR / 'db.sqlite3',
            }
        }

        LANGUAGE_CODE = 'en-us'
        TIME_ZONE = 'UTC'
        USE_I18N = True
        USE_TZ = True

        STATIC_URL = '/static/'

        DEFAULT_AUTO_FIELD = 'django.db.models.BigAutoField'

        """;

    public const string StartprojectUrls = """
        from django.contrib import admin
        from django.urls import path

        urlpatterns = [
            path('admin/', admin.site.urls),
        ]

        """;

    /// <summary>The startproject settings hardened so that no deploy check fires (module <c>demo.hardened</c>).</summary>
    public const string Hardened = """
        from demo.settings import *  # noqa: F401,F403

        SECRET_KEY = 'x9#kq2!vm7$pl4@zr8^wn3&bt6*yc1(hd5)fj0-gs+ux9#kq2!vm7$pl4@zr8^wn3'
        DEBUG = False
        ALLOWED_HOSTS = ['example.com']
        SECURE_HSTS_SECONDS = 31536000
        SECURE_HSTS_INCLUDE_SUBDOMAINS = True
        SECURE_HSTS_PRELOAD = True
        SECURE_SSL_REDIRECT = True
        SESSION_COOKIE_SECURE = True
        CSRF_COOKIE_SECURE = True

        """;

    /// <summary>Writes the <c>demo</c> package (settings, urls, hardened, plus <paramref name="extraModules"/>
    /// as name → text) into <paramref name="directory"/> and returns it.</summary>
    public static string WriteDemoProject(string directory, IReadOnlyDictionary<string, string>? extraModules = null)
    {
        var pkg = Path.Combine(directory, "demo");
        Directory.CreateDirectory(pkg);
        File.WriteAllText(Path.Combine(pkg, "__init__.py"), "");
        File.WriteAllText(Path.Combine(pkg, "settings.py"), Startproject);
        File.WriteAllText(Path.Combine(pkg, "urls.py"), StartprojectUrls);
        File.WriteAllText(Path.Combine(pkg, "hardened.py"), Hardened);
        foreach (var (name, text) in extraModules ?? new Dictionary<string, string>())
        {
            File.WriteAllText(Path.Combine(pkg, name + ".py"), text);
        }

        return directory;
    }
}
