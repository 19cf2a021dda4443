#!/usr/bin/python3
# a11y-audit.py — every page of Pathways as a screen reader sees it
#
#   build-aux/a11y-audit [BUILDDIR]     (runs this under Xvfb and a bus)
#
# A developer's audit.  The test is tests/test-a11y-pages.py (meson test
# a11y-pages), which visits every page; this walk also lists controls of
# one container, or rows of one list, that share a name.
#
# Run under a display and a session bus with accessibility on (GTK_A11Y
# unset, no NO_AT_BRIDGE): starts the real application
# PATHWAYS on DATABASE (created with a demo authority when missing), and
# walks its accessible tree over AT-SPI, as Orca would, on each page —
# Caseload, Stock, Timeline, Sufficiency, a young person's page, a unit's
# page, Preferences — switched to with the keyboard as a user would.
#
# On each, every control a user can reach (buttons, toggles, check boxes,
# entries, spin buttons, combo boxes, sliders, switches) and every list or
# table row that is showing must have a meaningful accessible name:
# not empty, not a class name ("GtkButton"), without a mnemonic underscore
# ("_Save"); and no two such controls in one container, nor two rows of
# one list, may share a name (a screen-reader user could not tell them
# apart).  Each problem is printed with the path to the control.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys
import time

try:
    import gi
    gi.require_version("Gdk", "4.0")
    from gi.repository import Gdk
    import pyatspi
except (ImportError, ValueError) as e:
    print("pyatspi or GDK 4 introspection missing (%s): apt install python3-pyatspi gir1.2-gtk-4.0" % e)
    sys.exit(1)

passed = 0
failed = 0
started = time.time()


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
        print("ok: %s (%.0f s)" % (what, time.time() - started))
    else:
        failed += 1
        print("FAIL: %s (%.0f s)" % (what, time.time() - started))
    return ok


MASKS = {"shift": 1, "ctrl": 4, "alt": 8}


def press(key, pause=1.0):
    parts = key.split("+")
    mask = 0
    for m in parts[:-1]:
        mask |= MASKS[m]
    if mask:
        pyatspi.Registry.generateKeyboardEvent(mask, None, pyatspi.KEY_LOCKMODIFIERS)
    pyatspi.Registry.generateKeyboardEvent(Gdk.keyval_from_name(parts[-1]), None, pyatspi.KEY_SYM)
    if mask:
        pyatspi.Registry.generateKeyboardEvent(mask, None, pyatspi.KEY_UNLOCKMODIFIERS)
    time.sleep(pause)


def find_app(names, timeout=60):
    end = time.time() + timeout
    while time.time() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and app.name in names:
                return app
        time.sleep(0.5)
    print("   on the bus: %r" % [a.name for a in pyatspi.Registry.getDesktop(0) if a is not None])
    return None


def children(node):
    try:
        return [c for c in (node.getChildAtIndex(i) for i in range(node.childCount)) if c is not None]
    except Exception:
        return []


def showing(node):
    """Visible and drawn with a size (GTK 4.8 sets no SHOWING state on
    widgets inside a window, and keeps hidden stack pages in the tree)"""
    try:
        if not node.getState().contains(pyatspi.STATE_VISIBLE):
            return False
    except Exception:
        return False
    try:
        component = node.queryComponent()
    except Exception:
        return True   # no geometry of its own (a stack page): look inside
    try:
        e = component.getExtents(pyatspi.WINDOW_COORDS)
        return e.width > 0 and e.height > 0
    except Exception:
        return False


def walk(node, depth=0):
    """The showing part of the tree under @node"""
    yield node
    if depth > 60:
        return
    # A drop-down is one control: its inner toggle button is GTK's own
    if role(node) == pyatspi.ROLE_COMBO_BOX:
        return
    for child in children(node):
        if showing(child):
            yield from walk(child, depth + 1)


def role(node):
    try:
        return node.getRole()
    except Exception:
        return None


def name_of(node):
    try:
        return node.name or ""
    except Exception:
        return ""


def path_of(node):
    parts = []
    n = node
    while n is not None and len(parts) < 8:
        try:
            parts.append("%s “%s”" % (n.getRoleName(), name_of(n)[:40]))
            n = n.parent
        except Exception:
            break
    return " < ".join(parts)


CONTROLS = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_ENTRY, pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_COMBO_BOX,
    pyatspi.ROLE_SLIDER, pyatspi.ROLE_LINK,
}
for extra in ("ROLE_SWITCH", "ROLE_TOGGLE_SWITCH"):
    if hasattr(pyatspi, extra):
        CONTROLS.add(getattr(pyatspi, extra))
ROWS = {pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_TABLE_ROW}

CLASS_NAME = re.compile(r"^(Gtk|Adw|Pathways)[A-Z]\w*$")
MNEMONIC = re.compile(r"(^|\s)_\w")


def meaningful(name):
    name = name.strip()
    return bool(name) and not CLASS_NAME.match(name) and not MNEMONIC.search(name)


def problems_under(root):
    """Controls and rows without a meaningful name, or sharing one with a sibling"""
    problems = []
    seen = 0
    by_parent = {}
    for node in walk(root):
        r = role(node)
        if r not in CONTROLS and r not in ROWS:
            continue
        seen += 1
        name = name_of(node)
        if not meaningful(name):
            problems.append("no meaningful name (%r): %s" % (name, path_of(node)))
            continue
        try:
            parent = node.parent
            key = (hash(parent), path_of(parent) if parent is not None else "", r in ROWS)
        except Exception:
            continue
        by_parent.setdefault(key, []).append((name, node))
    for (_, where, _rows), items in by_parent.items():
        names = [n for n, _ in items]
        for dup in sorted({n for n in names if names.count(n) > 1}):
            problems.append("%d share the name “%s”: under %s" % (names.count(dup), dup, where))
    return seen, problems


def frame_of(app, title_part=None):
    for win in children(app):
        if role(win) in (pyatspi.ROLE_FRAME, pyatspi.ROLE_WINDOW, pyatspi.ROLE_DIALOG) and showing(win):
            if title_part is None or title_part in name_of(win):
                return win
    return None


def wait_for(pred, timeout=30):
    end = time.time() + timeout
    while time.time() < end:
        try:
            found = pred()
        except Exception:
            found = None
        if found:
            return found
        time.sleep(0.5)
    return None


def page_root(app, widget_class):
    """The page's own widget (GTK 4.8 names a widget without a name of
    its own after its class, and keeps hidden stack pages in the tree)"""
    frame = frame_of(app)
    if frame is None:
        return None
    for node in walk(frame):
        if name_of(node) == widget_class:
            return node
    return None


def audit(app, what, root=None, widget_class=None):
    if widget_class is not None:
        root = wait_for(lambda: page_root(app, widget_class), 20)
    elif root is None:
        root = frame_of(app)
    if not check(root is not None, "%s is showing" % what):
        return
    seen, problems = problems_under(root)
    for p in problems[:40]:
        print("   " + p)
    if len(problems) > 40:
        print("   … and %d more" % (len(problems) - 40))
    check(seen > 0 and not problems,
          "%s: each of its %d controls and rows has a meaningful name of its own" % (what, seen))


def find(root, pred):
    for node in walk(root):
        try:
            if pred(node):
                return node
        except Exception:
            pass
    return None


def main():
    exe, database = sys.argv[1], sys.argv[2]
    env = dict(os.environ)
    env.pop("GTK_A11Y", None)
    env.pop("NO_AT_BRIDGE", None)
    proc = subprocess.Popen([exe, "--database", database], env=env)
    try:
        app = find_app(("Pathways", "pathways"))
        if not check(app is not None, "Pathways is on the accessibility bus"):
            return
        frame = wait_for(lambda: frame_of(app))
        check(frame is not None, "the window is showing")
        # The caseload's rows once the demo authority is written and loaded
        rows = wait_for(lambda: find(frame_of(app), lambda n: role(n) in ROWS), 120)
        check(rows is not None, "the caseload shows its rows")
        time.sleep(1)

        pages = [("alt+1", "the Caseload page", "PathwaysCaseloadView"),
                 ("alt+2", "the Stock page", "PathwaysStockView"),
                 ("alt+3", "the Timeline page", "PathwaysTimelineView"),
                 ("alt+4", "the Sufficiency page", "PathwaysSufficiencyView")]
        for key, what, widget_class in pages:
            press(key, 3.0)
            audit(app, what, widget_class=widget_class)

        # A young person's page: the first caseload row, reached from the
        # search with Down and opened with Enter, as a keyboard user would
        press("alt+1", 2.0)
        press("ctrl+f", 1.0)
        press("Down", 1.0)
        focused = wait_for(lambda: find(frame_of(app), lambda n: role(n) in ROWS
                                        and n.getState().contains(pyatspi.STATE_FOCUSED)), 10)
        if check(focused is not None and meaningful(name_of(focused)),
                 "Down from the caseload's search goes to a named row (%r)" % name_of(focused)):
            press("Return", 4.0)
            audit(app, "a young person's page", widget_class="PathwaysPersonPage")
            press("alt+Left", 2.0)

        # A unit's page: the first register row, the same way
        press("alt+2", 2.0)
        press("ctrl+f", 1.0)
        press("Down", 1.0)
        focused = wait_for(lambda: find(frame_of(app), lambda n: role(n) in ROWS
                                        and n.getState().contains(pyatspi.STATE_FOCUSED)), 10)
        if check(focused is not None and meaningful(name_of(focused)),
                 "Down from the register's search goes to a named row (%r)" % name_of(focused)):
            press("Return", 4.0)
            audit(app, "a unit's page", widget_class="PathwaysUnitPage")
            press("alt+Left", 2.0)

        # Preferences, from the keyboard
        press("ctrl+comma", 4.0)
        prefs = wait_for(lambda: frame_of(app, "Preferences"), 20)
        audit(app, "the Preferences window", prefs)
        press("Escape", 2.0)
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print("usage: a11y-audit.py PATHWAYS DATABASE")
        sys.exit(2)
    try:
        main()
    except Exception as e:
        check(False, "the test ran to its end (%r)" % e)
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed or not passed else 0)
