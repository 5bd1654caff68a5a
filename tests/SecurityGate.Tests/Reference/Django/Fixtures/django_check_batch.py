"""Batch driver: runs Django's real `check --deploy` for many settings modules in one Python process.

Used by DjangoReference.RunCheckDeployBatch (SecurityGate.Tests.Reference.Django). Runs under Debian's
/usr/bin/python3 with PYTHONPATH set to one reference Django installation.

Django settings can be configured only once per process, so the driver imports Django and the
management/check machinery ONCE (nothing that reads settings) and then os.fork()s a child per settings
module. Each child sees exactly what `python3 -m django check --deploy --settings=MODULE` would see:
a fresh environment (os.environ replaced by the job's environment), the settings directory on sys.path
and as the current directory, and its stdout/stderr captured into files.

Usage: python3 -s django_check_batch.py JOBS.json
JOBS.json: {"parallelism": 2, "timeout_seconds": 60, "base_environment": {...},
            "jobs": [{"settings_dir": "...", "module": "...", "environment": {...}, "pythonpath": "..."}]}
Output (stdout): one line "SGDRIVER <json>" then one line "SGRESULT <json>" per job (completion order,
each carrying its "index"); results contain exit_code, stdout, stderr, seconds.
"""
import json
import os
import signal
import sys
import tempfile
import time
import traceback

import importlib

import django

# Warm imports: modules every child needs and whose import reads NO settings (verified: importing them
# with settings unconfigured succeeds and leaves settings unconfigured; anything that touches settings at
# import time - models, auth backends, message storage - is deliberately NOT listed and is imported by
# the child, exactly as in a fresh interpreter).
WARM_IMPORTS = [
    "django.core.management",
    "django.core.management.commands.check",
    "django.core.checks",
    "django.core.checks.security.base",
    "django.core.checks.security.csrf",
    "django.core.checks.security.sessions",
    "django.db.models",
    "django.db.backends.sqlite3.base",
    "django.template.backends.django",
    "django.template.defaulttags",
    "django.template.defaultfilters",
    "django.template.loader_tags",
    "django.urls",
    "django.http",
    "django.forms",
    "django.core.cache.backends.locmem",
    "django.core.cache.backends.filebased",
    "django.middleware.security",
    "django.middleware.csrf",
    "django.middleware.clickjacking",
    "django.middleware.common",
    "django.contrib.admin",
    "django.contrib.admin.checks",
    "django.contrib.auth.checks",
    "django.contrib.contenttypes.checks",
    "django.contrib.staticfiles.checks",
    "django.contrib.sessions.middleware",
    "django.contrib.messages.middleware",
    "django.contrib.admin.views.main",
    "django.contrib.auth.hashers",
    "django.contrib.auth.password_validation",
    "django.contrib.auth.validators",
    "django.contrib.staticfiles.finders",
    "django.contrib.staticfiles.storage",
    "django.views.defaults",
    "django.conf.urls",
    # 5.x runs a check that loads the migrate/makemigrations commands
    "django.core.management.utils",
    "django.core.management.commands.makemigrations",
    "django.core.management.commands.migrate",
    "django.db.migrations.autodetector",
    "django.db.migrations.executor",
    "django.db.migrations.loader",
    "django.db.migrations.writer",
]
for _name in WARM_IMPORTS:
    importlib.import_module(_name)

from django.conf import settings as _settings  # noqa: E402

if _settings.configured:  # the whole approach relies on the parent never configuring settings
    raise SystemExit("django_check_batch: settings were configured by a warm import; refusing to fork")


def run_child(job, out_path, err_path, base_env, timeout):
    out_fd = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    err_fd = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(out_fd, 1)
    os.dup2(err_fd, 2)
    os.close(out_fd)
    os.close(err_fd)
    code = 1
    try:
        signal.alarm(max(1, int(timeout)))  # default SIGALRM action terminates the child
        env = dict(base_env)
        env.update(job.get("environment") or {})
        if job.get("pythonpath"):
            env["PYTHONPATH"] = job["pythonpath"]
        os.environ.clear()
        os.environ.update(env)
        settings_dir = job["settings_dir"]
        os.chdir(settings_dir)
        sys.path.insert(0, settings_dir)
        sys.argv = ["python3 -m django", "check", "--deploy", "--no-color", "--settings=" + job["module"]]
        from django.core.management import execute_from_command_line
        execute_from_command_line(sys.argv)
        code = 0
    except SystemExit as e:
        c = e.code
        code = c if isinstance(c, int) else (0 if c is None else 1)
        if not isinstance(c, int) and c is not None:
            sys.stderr.write(str(c) + "\n")
    except BaseException:  # what the interpreter would print for an uncaught exception
        traceback.print_exc()
        code = 1
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        spec = json.load(f)
    jobs = spec["jobs"]
    parallelism = max(1, int(spec.get("parallelism", 1)))
    timeout = float(spec.get("timeout_seconds", 60))
    base_env = spec.get("base_environment") or {}
    emit = sys.stdout
    emit.write("SGDRIVER " + json.dumps({
        "django_version": django.get_version(),
        "django_file": django.__file__,
        "python": sys.version.split()[0],
        "python_executable": sys.executable,
    }) + "\n")
    emit.flush()
    work = tempfile.mkdtemp(prefix="sg-django-batch-")
    running = {}  # pid -> (index, start, out, err)
    next_index = 0
    try:
        while next_index < len(jobs) or running:
            while next_index < len(jobs) and len(running) < parallelism:
                i = next_index
                next_index += 1
                out_path = os.path.join(work, "%d.out" % i)
                err_path = os.path.join(work, "%d.err" % i)
                sys.stdout.flush()
                sys.stderr.flush()
                start = time.monotonic()
                pid = os.fork()
                if pid == 0:
                    run_child(jobs[i], out_path, err_path, base_env, timeout)
                running[pid] = (i, start, out_path, err_path)
            pid, status = os.wait()
            if pid not in running:
                continue
            i, start, out_path, err_path = running.pop(pid)
            seconds = time.monotonic() - start
            if os.WIFEXITED(status):
                code, signaled = os.WEXITSTATUS(status), None
            else:
                code, signaled = -1, os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
            with open(out_path, encoding="utf-8", errors="replace") as f:
                out = f.read()
            with open(err_path, encoding="utf-8", errors="replace") as f:
                err = f.read()
            os.unlink(out_path)
            os.unlink(err_path)
            emit.write("SGRESULT " + json.dumps({
                "index": i, "exit_code": code, "signal": signaled,
                "timed_out": signaled == signal.SIGALRM,
                "stdout": out, "stderr": err, "seconds": seconds,
            }) + "\n")
            emit.flush()
    finally:
        for pid in list(running):
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        try:
            os.rmdir(work)
        except OSError:
            pass


if __name__ == "__main__":
    main()
