#!/usr/bin/env bash
# Renders the app icon from ws-inspector.svg into every size the packages need. The outputs are committed, so
# building the app never needs these tools; run this only after changing the SVG.
#
# Tools (Debian/Ubuntu packages): librsvg2-bin (rsvg-convert), icoutils (icotool), python3.
#   apt-get install -y librsvg2-bin icoutils python3
# The .icns is written by icons/icns.py (python3 only; ICNS is a tiny container of PNGs): icnsutils' png2icns
# stops at 512 px and cannot write the 1024 px (512@2x) entry. With icnsutils installed, icns2png -l checks it.
set -euo pipefail
cd "$(dirname "$0")"

svg=ws-inspector.svg
sizes=(16 24 32 48 64 128 256 512 1024)
mkdir -p png
for s in "${sizes[@]}"; do
  rsvg-convert -w "$s" -h "$s" "$svg" -o "png/ws-inspector-$s.png"
done

# Windows: one .ico holding the sizes Explorer and the taskbar pick from (256 is stored as PNG).
icotool -c -o ws-inspector.ico png/ws-inspector-{16,24,32,48,64,128}.png -r png/ws-inspector-256.png

# macOS: .icns with the PNG-based entries (ic07..ic10: 128..1024, icp4/icp5: 16/32).
python3 icns.py ws-inspector.icns png/ws-inspector-{16,32,64,128,256,512,1024}.png

# Linux packages use the 256 px PNG as the launcher icon; the window uses several sizes from the jar.
cp png/ws-inspector-256.png ../jpackage/linux/ws-inspector.png
res=../src/main/resources/dev/wsinspector/ui/common/icons
mkdir -p "$res"
for s in 16 32 48 64 128 256; do cp "png/ws-inspector-$s.png" "$res/"; done
echo "icons written: png/, ws-inspector.ico, ws-inspector.icns, jpackage/linux/ws-inspector.png, $res"
if command -v icns2png >/dev/null; then icns2png -l ws-inspector.icns; fi
