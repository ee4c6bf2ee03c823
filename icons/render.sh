#!/usr/bin/env bash
# Renders the SVG masters in icons/src into every raster the app and the installers use, and copies the sizes the
# desktop needs into its resources. The outputs are committed, so a build needs none of these tools.
# Needs (Debian): librsvg2-bin (rsvg-convert), imagemagick (convert, for .ico), icnsutils (png2icns).
# Usage: icons/render.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

for tool in rsvg-convert convert png2icns; do
  command -v "$tool" >/dev/null || { echo "render.sh: '$tool' is missing (apt-get install librsvg2-bin imagemagick icnsutils)" >&2; exit 1; }
done

app_sizes=(16 22 24 32 48 64 128 256 512 1024)
tray_sizes=(16 22 32 64)
states=(ok degraded down deploying unknown)
desktop_icons=../desktop/src/main/resources/org/openhaven/desktop/icons

rm -rf png && mkdir -p png/app png/tray "$desktop_icons"

# Up to 32 px the pixel-aligned small master stays crisp; from 48 px the full master has room for its detail.
master_for() { if [ "$1" -le 32 ]; then echo src/app-small.svg; else echo src/app.svg; fi; }
for size in "${app_sizes[@]}"; do
  rsvg-convert -w "$size" -h "$size" "$(master_for "$size")" -o "png/app/openhaven-$size.png"
done

for state in "${states[@]}"; do
  for size in "${tray_sizes[@]}"; do
    rsvg-convert -w "$size" -h "$size" "src/tray-$state.svg" -o "png/tray/tray-$state-$size.png"
    rsvg-convert -w "$size" -h "$size" "src/tray-$state-template.svg" -o "png/tray/tray-$state-template-$size.png"
  done
done

# Windows: one .ico with the sizes Explorer and the taskbar ask for.
convert png/app/openhaven-{16,24,32,48,64,128,256}.png openhaven.ico
# macOS: png2icns takes the sizes it knows (16, 32, 48, 128, 256, 512, 1024).
png2icns openhaven.icns png/app/openhaven-{16,32,48,128,256,512,1024}.png >/dev/null
# Linux installers take one large PNG.
cp png/app/openhaven-512.png openhaven.png

# The desktop module: window icons (every size the window managers pick from) and tray states.
rm -f "$desktop_icons"/*.png
for size in 16 24 32 48 64 128 256 512; do cp "png/app/openhaven-$size.png" "$desktop_icons/"; done
cp png/tray/*.png "$desktop_icons/"
echo "render.sh: icons rendered into icons/ and $desktop_icons"
