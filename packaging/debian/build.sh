#!/usr/bin/env bash
# Builds the Debian package of Tessera from the repository with dpkg-deb: the self-contained program under /opt/tessera,
# /usr/bin/tessera, the systemd unit tessera.service, the configuration /etc/tessera/tessera.env (a conffile), and the
# maintainer scripts that create the tessera user and /var/lib/tessera.
#   packaging/debian/build.sh [--version X.Y.Z] [--publish FOLDER]
# Writes artifacts/tessera_<version>_amd64.deb and prints its path. --publish reuses a folder of packaging/publish.sh.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
version="${TESSERA_VERSION:-0.1.$(git -C "$root" rev-list --count HEAD 2>/dev/null || echo 0)}"
published=""
while [ $# -gt 0 ]; do
    case "$1" in
        --version) version="$2"; shift 2 ;;
        --publish) published="$(realpath "$2")"; shift 2 ;;
        *) echo "build.sh: unknown argument $1" >&2; exit 1 ;;
    esac
done

stage="$(mktemp -d /tmp/tessera-deb.XXXXXX)"
trap 'rm -rf "$stage"' EXIT
pkg="$stage/tessera"
mkdir -p "$pkg/DEBIAN" "$pkg/opt" "$pkg/usr/bin" "$pkg/lib/systemd/system" "$pkg/etc/tessera" "$pkg/usr/share/doc/tessera"

if [ -z "$published" ]; then
    published="$stage/publish"
    "$root/packaging/publish.sh" "$published" >/dev/null
fi
cp -a "$published" "$pkg/opt/tessera"
rm -rf "$pkg/opt/tessera/data"
find "$pkg/opt/tessera" -name '*.pdb' -delete
chmod -R u=rwX,go=rX "$pkg/opt/tessera"
chmod 0755 "$pkg/opt/tessera/tessera"

install -m 0755 "$here/tessera" "$pkg/usr/bin/tessera"
install -m 0644 "$here/tessera.service" "$pkg/lib/systemd/system/tessera.service"
install -m 0640 "$here/tessera.env" "$pkg/etc/tessera/tessera.env"
install -m 0644 "$root/README.md" "$pkg/usr/share/doc/tessera/README.md"
install -m 0644 "$root/docs/operations.md" "$pkg/usr/share/doc/tessera/operations.md" 2>/dev/null || true
for script in postinst prerm postrm; do
    install -m 0755 "$here/$script" "$pkg/DEBIAN/$script"
done
echo /etc/tessera/tessera.env > "$pkg/DEBIAN/conffiles"

size=$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)
cat > "$pkg/DEBIAN/control" <<CONTROL
Package: tessera
Version: $version
Architecture: amd64
Maintainer: Tessera maintainers <tessera@localhost>
Installed-Size: $size
Depends: adduser, libc6 (>= 2.27), libgcc-s1, libstdc++6, zlib1g, libssl3 | libssl3t64, libicu72 | libicu74 | libicu76 | libicu71 | libicu70 | libicu67, ca-certificates
Section: net
Priority: optional
Description: share and cross-check data on migrant-smuggling networks
 Tessera is a self-hosted platform with which police and border authorities
 share data on migrant-smuggling networks: ingest, cross-check on arrival with
 hit/no-hit, person matching across scripts, networks, situational picture,
 REST API, command line and web UI, under one audited access policy.
 .
 This package holds the self-contained program (no .NET installation needed),
 the tessera.service unit, and /etc/tessera/tessera.env.
CONTROL

mkdir -p "$root/artifacts"
deb="$root/artifacts/tessera_${version}_amd64.deb"
dpkg-deb --root-owner-group -Zgzip --build "$pkg" "$deb" >&2
echo "$deb"
