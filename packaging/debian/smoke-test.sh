#!/usr/bin/env bash
# Installs the Debian package with dpkg, checks the tessera user, the folders, the configuration and the unit
# (systemd-analyze verify when it is there), starts the service (systemctl where systemd runs, otherwise the unit's ExecStart
# as the tessera user with the unit's environment file, as in a container), waits for /health and the sign-in page, runs a
# command as the tessera user against the same store, then removes and purges the package. Needs root.
#   packaging/debian/smoke-test.sh [artifacts/tessera_<version>_amd64.deb]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
deb="${1:-$(ls -t "$root"/artifacts/tessera_*_amd64.deb | head -n 1)}"
[ "$(id -u)" -eq 0 ] || { echo "smoke-test.sh: run as root (it installs a package)" >&2; exit 1; }
unit=/lib/systemd/system/tessera.service
server=""
fail() { echo "smoke test FAILED: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    if dpkg-query -W tessera >/dev/null 2>&1; then dpkg --purge tessera >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

if dpkg-query -W tessera >/dev/null 2>&1; then fail "tessera is installed already; purge it first"; fi
dpkg -i "$deb" >/dev/null
ok "installed $(dpkg-query -W -f '${Package} ${Version}' tessera)"

# The user: a system account without a login shell.
entry=$(getent passwd tessera) || fail "no tessera user"
uid=$(cut -d: -f3 <<<"$entry"); shell=$(cut -d: -f7 <<<"$entry")
[ "$uid" -lt 1000 ] || fail "tessera is not a system user (uid $uid)"
case "$shell" in */nologin|/bin/false) ;; *) fail "tessera has a login shell ($shell)";; esac
ok "system user tessera (uid $uid, shell $shell)"

# Folders and files.
[ "$(stat -c '%U:%G %a' /var/lib/tessera)" = "tessera:tessera 750" ] || fail "/var/lib/tessera is $(stat -c '%U:%G %a' /var/lib/tessera)"
[ "$(stat -c '%U:%G %a' /etc/tessera/tessera.env)" = "root:tessera 640" ] || fail "/etc/tessera/tessera.env is $(stat -c '%U:%G %a' /etc/tessera/tessera.env)"
conffiles=$(dpkg-query --showformat='${Conffiles}\n' --show tessera) && grep -q ' /etc/tessera/tessera.env ' <<<"$conffiles" || fail "tessera.env is not a conffile"
[ -x /opt/tessera/tessera ] && [ -d /opt/tessera/demo/datasets/frontex-ibc ] || fail "/opt/tessera is incomplete"
# Outputs are read whole before they are searched: grep -q stopping early would fail the writer under pipefail.
help=$(/usr/bin/tessera --help) && grep -q "serve" <<<"$help" || fail "/usr/bin/tessera does not run"
ok "/var/lib/tessera tessera:tessera 0750, /etc/tessera/tessera.env root:tessera 0640 (conffile), /opt/tessera, /usr/bin/tessera"

# The unit and its hardening.
[ -f "$unit" ] || fail "no $unit"
for directive in User=tessera NoNewPrivileges=yes ProtectSystem=strict ReadWritePaths=/var/lib/tessera ProtectHome=yes PrivateTmp=yes \
    PrivateDevices=yes 'RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6' 'CapabilityBoundingSet=' SystemCallFilter=@system-service \
    EnvironmentFile=/etc/tessera/tessera.env; do
    grep -qxF "$directive" "$unit" || fail "$unit lacks $directive"
done
if command -v systemd-analyze >/dev/null; then
    report=$(systemd-analyze verify "$unit" 2>&1) || fail "systemd-analyze verify: $report"
    ok "systemd-analyze verify passed${report:+ ($report)}"
else
    echo "note: systemd-analyze not installed; the unit was checked by its directives only"
fi

# Start: through systemd where it runs, else the unit's ExecStart as the tessera user with its environment file.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
sed -i "s|^TESSERA_URLS=.*|TESSERA_URLS=http://127.0.0.1:$port|" /etc/tessera/tessera.env
if [ -d /run/systemd/system ]; then
    systemctl daemon-reload
    systemctl restart tessera.service
    ok "started with systemctl"
else
    exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
    work=$(sed -n 's/^WorkingDirectory=//p' "$unit")
    (
        cd "$work"
        set -a; . /etc/tessera/tessera.env; set +a
        eval "exec setpriv --reuid=tessera --regid=tessera --init-groups --no-new-privs --inh-caps=-all --bounding-set=-all -- $exec_start"
    ) > /tmp/tessera-smoke.log 2>&1 &
    server=$!
    ok "no systemd here: started the unit's ExecStart as tessera (pid $server)"
fi

for _ in $(seq 1 120); do
    if curl -sf "http://127.0.0.1:$port/health" >/dev/null; then break; fi
    if [ -n "$server" ] && ! kill -0 "$server" 2>/dev/null; then cat /tmp/tessera-smoke.log >&2; fail "the server stopped"; fi
    sleep 1
done
health=$(curl -sf "http://127.0.0.1:$port/health") && grep -q '"ok"' <<<"$health" || { cat /tmp/tessera-smoke.log >&2 || true; fail "/health did not answer in 120 s"; }
page=$(curl -sf "http://127.0.0.1:$port/signin") && grep -q "Tessera" <<<"$page" || fail "the sign-in page did not answer"
ok "/health and the sign-in page answer on port $port"

[ "$(stat -c '%U' /var/lib/tessera/tessera.db)" = tessera ] || fail "the store is not owned by tessera"
[ "$(stat -c '%a' /var/lib/tessera/audit.key)" = 600 ] || fail "the audit key is readable by others ($(stat -c '%a' /var/lib/tessera/audit.key))"
runuser -u tessera -- tessera orgs add IT --name Italy --country IT 2>/tmp/tessera-smoke.err || { cat /tmp/tessera-smoke.err >&2; fail "orgs add as tessera"; }
grep -qx "store: SQLite /var/lib/tessera/tessera.db" /tmp/tessera-smoke.err || fail "the command opened another store: $(cat /tmp/tessera-smoke.err)"
listed=$(runuser -u tessera -- tessera orgs list 2>/dev/null) && grep -q "^IT" <<<"$listed" || fail "orgs list"
ok "tessera commands as the tessera user open the server's store /var/lib/tessera/tessera.db"

if [ -n "$server" ]; then kill "$server"; wait "$server" 2>/dev/null || true; server=""; fi
dpkg -r tessera >/dev/null
[ ! -e /opt/tessera ] && [ ! -e /usr/bin/tessera ] && [ ! -e "$unit" ] || fail "files left after remove"
[ -f /var/lib/tessera/tessera.db ] && [ -f /etc/tessera/tessera.env ] || fail "remove must keep the data and the configuration"
ok "removed: program gone, data and configuration kept"
dpkg --purge tessera >/dev/null
[ ! -e /var/lib/tessera ] && [ ! -e /etc/tessera ] || fail "purge left /var/lib/tessera or /etc/tessera"
ok "purged: data and configuration gone"
echo "smoke test passed"
