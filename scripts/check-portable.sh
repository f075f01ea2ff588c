#!/usr/bin/env bash
# Windows readiness: no POSIX-only header or call in the client's code (core/, ui/, app/) outside
# a guarded platform place. Allowed: inside `#if defined(Q_OS_UNIX)` / `#ifdef Q_OS_LINUX` /
# `#ifndef Q_OS_WIN` / the `#else` of `#ifdef Q_OS_WIN` (and __unix__/__linux__), or in a platform
# file named *_unix.cpp, *_posix.cpp or *_linux.cpp that CMake builds only on Unix.
# The server (server/) is Linux-only and not checked.
#
#   scripts/check-portable.sh [DIR...]     default: core ui app
#   scripts/check-portable.sh --self-test  proves the check finds what it must and only that
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

headers='unistd|fcntl|termios|dlfcn|pwd|grp|pthread|poll|syslog|libgen|strings|netdb|sys/[a-z_]+|arpa/[a-z_]+|netinet/[a-z_]+'
calls='fork|vfork|execv|execvp|execl|getuid|geteuid|getgid|getegid|getpwuid|getpwnam|getpid|getppid|setsid|fsync|fdatasync|ftruncate|mmap|munmap|mprotect|dlopen|dlsym|setenv|unsetenv|usleep|nanosleep|realpath|chown|fchown|umask|kill|pipe|isatty|readlink|symlink|mkstemp|mkdtemp|popen|pclose|sigaction|sigprocmask|pthread_[a-z_]+|ioctl|tcgetattr|tcsetattr|poll|select|socketpair|syslog|sysconf|uname|statvfs'

check_file() { # prints every offending line as file:line: text
    awk -v file="$1" -v hre="$headers" -v cre="$calls" '
    function guarded(   i) {
        for (i = 1; i <= depth; i++)
            if ((unix[i] && !neg[i]) || (win[i] && neg[i])) return 1
        return 0
    }
    /^[ \t]*#[ \t]*if/ {
        depth++
        line = $0
        unix[depth] = (line ~ /Q_OS_(UNIX|LINUX|MACOS|DARWIN)|__unix__|__linux__|__APPLE__/)
        win[depth] = (line ~ /Q_OS_WIN|_WIN32|_MSC_VER/)
        # "#ifndef X" and "#if !defined(X)" start in the negated branch.
        neg[depth] = (line ~ /#[ \t]*ifndef/ || line ~ /!defined/)
        next
    }
    /^[ \t]*#[ \t]*(else|elif)/ { if (depth) neg[depth] = !neg[depth]; next }
    /^[ \t]*#[ \t]*endif/ { if (depth) depth--; next }
    {
        code = $0
        sub(/\/\/.*/, "", code)
        bad = 0
        if (code ~ ("^[ \t]*#[ \t]*include[ \t]*<(" hre ")\\.h>")) bad = 1
        # A call: the bare name (or ::name) followed by "(", not a member (x.f, x->f) or Qt::f.
        tmp = code
        while (!bad && match(tmp, ("(^|[^A-Za-z0-9_.>:]|[^A-Za-z0-9_]::)(" cre ")[ \t]*\\("))) {
            bad = 1
        }
        if (bad && !guarded()) { printf "%s:%d: %s\n", file, FNR, $0; found = 1 }
    }
    END { exit found ? 1 : 0 }' "$1"
}

run_check() {
    local fail=0 f
    while IFS= read -r f; do
        case "$(basename "$f")" in
        *_unix.* | *_posix.* | *_linux.*) continue ;;
        esac
        check_file "$f" || fail=1
    done < <(find "$@" -type f \( -name '*.cpp' -o -name '*.h' -o -name '*.hpp' -o -name '*.c' \) | sort)
    return $fail
}

if [ "${1:-}" = "--self-test" ]; then
    t="$(mktemp -d)"
    trap 'rm -rf "$t"' EXIT
    mkdir -p "$t/bad" "$t/good"
    printf '%s\n' '#include <unistd.h>' 'int f() { return fork(); }' 'int g() { return ::getuid(); }' \
        'void h() { setenv("A", "1", 1); }' >"$t/bad/Bad.cpp"
    printf '%s\n' '#include <QThread>' 'void a(QThread* t) { t->wait(); QThread::usleep(5); }' \
        '#if defined(Q_OS_UNIX)' '#include <unistd.h>' 'int u() { return getuid(); }' '#else' 'int u() { return 0; }' \
        '#endif' '#ifdef Q_OS_WIN' 'int w() { return 0; }' '#else' '#include <sys/stat.h>' 'int w() { return umask(0); }' \
        '#endif' '// fork() in a comment is fine' 'int k(Obj& o) { return o.kill(1) + o.pipe(); }' >"$t/good/Good.cpp"
    printf '%s\n' '#include <unistd.h>' 'int p() { return getpid(); }' >"$t/good/Process_unix.cpp"
    out=$(run_check "$t/bad" || true)
    [ "$(grep -c . <<<"$out")" -eq 4 ] || { echo "self-test: expected 4 findings in Bad.cpp, got:"; echo "$out"; exit 1; }
    run_check "$t/good" || { echo "self-test: guarded code was reported"; exit 1; }
    echo "check-portable self-test: ok"
    exit 0
fi

cd "$here"
dirs=("$@")
[ ${#dirs[@]} -gt 0 ] || dirs=(core ui app)
if run_check "${dirs[@]}"; then
    echo "check-portable: no POSIX-only call in ${dirs[*]}"
else
    echo "check-portable: POSIX-only code above; guard it (Q_OS_UNIX) or move it to a *_unix.cpp platform file"
    exit 1
fi
