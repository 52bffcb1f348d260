#!/usr/bin/env bash
# Checks the Linux desktop metadata in packaging/linux/: the AppStream
# metainfo (appstreamcli validate), the desktop entry (desktop-file-validate),
# that both agree with FyneApp.toml, and that the Flatpak manifest installs
# files that exist. Quick (about a second); part of `make package`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-tools.sh appstreamcli:appstream desktop-file-validate:desktop-file-utils
dir=packaging/linux
meta=$dir/org.mechplan.desktop.metainfo.xml
entry=$dir/org.mechplan.desktop.desktop
manifest=$dir/org.mechplan.desktop.yml
fail() { echo "linux metadata: $*" >&2; exit 1; }

# Errors and warnings fail; infos are printed (AppStream 0.16, Debian 12,
# does not know the <developer> tag that AppStream 1.0 and Flathub want).
appstreamcli validate --no-net "$meta"
desktop-file-validate "$entry"

toml() { sed -n "s/^ *$1 *= *\"\(.*\)\"/\1/p" FyneApp.toml; }
list() { sed -n "s/^ *$1 *= *\[\(.*\)\]/\1/p" FyneApp.toml | sed 's/", *"/;/g; s/"//g; s/$/;/'; }
key() { sed -n "s/^$1=//p" "$entry"; }
version=$(toml Version)
grep -q "<release version=\"$version\"" "$meta" || fail "$meta has no <release version=\"$version\"> (FyneApp.toml's Version)"
[ "$(key Name)" = "$(toml Name)" ] || fail "$entry: Name is not FyneApp.toml's"
[ "$(key GenericName)" = "$(toml GenericName)" ] || fail "$entry: GenericName is not FyneApp.toml's"
[ "$(key Comment)" = "$(toml Comment)" ] || fail "$entry: Comment is not FyneApp.toml's"
[ "$(key Categories)" = "$(list Categories)" ] || fail "$entry: Categories are not FyneApp.toml's"
[ "$(key Keywords)" = "$(list Keywords)" ] || fail "$entry: Keywords are not FyneApp.toml's"
[ "$(key Icon)" = "$(toml ID)" ] || fail "$entry: Icon must be the app id $(toml ID)"
grep -q "<id>$(toml ID)</id>" "$meta" || fail "$meta: <id> is not FyneApp.toml's ID"
grep -q "<launchable type=\"desktop-id\">$(basename "$entry")</launchable>" "$meta" || fail "$meta: launchable is not $(basename "$entry")"

# The manifest parses, has the app's id, and installs files that exist.
python3 - "$manifest" "$(toml ID)" <<'PY'
import os, sys, yaml
m = yaml.safe_load(open(sys.argv[1]))
assert m["id"] == sys.argv[2], f"manifest id {m['id']} is not {sys.argv[2]}"
for cmd in m["modules"][0]["build-commands"]:
    words = cmd.split()
    if words[:1] == ["install"] and not words[-2].startswith("mechplan"):
        assert os.path.exists(words[-2]), f"manifest installs {words[-2]}, which does not exist"
PY
echo "linux metadata: $meta, $entry and $manifest check out"
