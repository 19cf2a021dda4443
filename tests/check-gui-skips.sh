#!/bin/sh
# check-gui-skips.sh — each GUI suite, run with no display, must exit 77
# (meson's "skipped") from its parent process, rather than fail because
# Check's forked children could not open one.
set -u
status=0
for suite in "$@"; do
  rc=0
  env -u DISPLAY -u WAYLAND_DISPLAY -u GDK_BACKEND "$suite" > /dev/null 2>&1 || rc=$?
  if [ "$rc" -eq 77 ]; then
    echo "ok: $(basename "$suite") skips without a display"
  else
    echo "FAIL: $(basename "$suite") exited $rc without a display (expected 77)"
    status=1
  fi
done
exit $status
