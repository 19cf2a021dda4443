#!/usr/bin/python3
# test-a11y-pages.py — every page as a screen reader sees it
#
#   test-a11y-pages.py PATHWAYS [DATABASE]
#
# Run under a display and a session bus with accessibility on (GTK_A11Y
# unset, no NO_AT_BRIDGE), as meson does.  Starts the real application
# PATHWAYS on the demo authority (DATABASE, made if missing), walks over
# AT-SPI, as Orca would, every page a user can reach — the caseload, a
# young person's page, stock, a unit's page, the timeline, sufficiency,
# the plan, the team, my day, commissioning, preferences and the
# shortcuts window — and fails on any control or row whose name says
# nothing:
#
# - no name, or a class name ("GtkListItemWidget", "GtkToggleButton",
#   "GtkFlowBoxChild", "GtkColumnViewCell");
# - a name said twice, as when a label is read with its control
#   ("Years Years");
# - a mnemonic underscore ("_Years").
#
# Every offender is printed with its path from the window, so that it
# can be found.  The pages are reached as a user would: Alt+1 … Alt+8,
# Escape, Ctrl+comma and Ctrl+question, pressed through the AT-SPI
# registry.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys
import tempfile
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


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
        print("ok: " + what)
    else:
        failed += 1
        print("FAIL: " + what)
    return ok


MASKS = {"shift": 1, "ctrl": 4, "alt": 8}


def press(key, settle=1.5):
    parts = key.split("+")
    mask = 0
    for m in parts[:-1]:
        mask |= MASKS[m]
    if mask:
        pyatspi.Registry.generateKeyboardEvent(mask, None, pyatspi.KEY_LOCKMODIFIERS)
    pyatspi.Registry.generateKeyboardEvent(Gdk.keyval_from_name(parts[-1]), None, pyatspi.KEY_SYM)
    if mask:
        pyatspi.Registry.generateKeyboardEvent(mask, None, pyatspi.KEY_UNLOCKMODIFIERS)
    time.sleep(settle)


# What a user acts on or moves through: each needs a name of its own
CONTROLS = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_SLIDER, pyatspi.ROLE_LINK,
    pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_CHECK_MENU_ITEM, pyatspi.ROLE_RADIO_MENU_ITEM, pyatspi.ROLE_LIST_ITEM,
    pyatspi.ROLE_TABLE_ROW, pyatspi.ROLE_TREE_ITEM, pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_SCROLL_BAR, pyatspi.ROLE_LIST, pyatspi.ROLE_TABLE,
    pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_TREE,
}
for extra in ("ROLE_SWITCH", "ROLE_TOGGLE_BUTTON"):
    if hasattr(pyatspi, extra):
        CONTROLS.add(getattr(pyatspi, extra))

CLASS_NAME = re.compile(r"^(Gtk|Adw|Pathways)[A-Z][A-Za-z]*$")
MNEMONIC = re.compile(r"(^|[\s(])_[^\s_]")
TWICE = re.compile(r"^(.+?)[\s,:]+\1$", re.S)


def fault(name):
    """Why NAME says nothing, or None when it is a name"""
    if name is None or not name.strip():
        return "no name"
    if CLASS_NAME.match(name.strip()):
        return "a class name"
    if MNEMONIC.search(name):
        return "a mnemonic underscore"
    if TWICE.match(name.strip()):
        return "said twice"
    return None


def role_name(node):
    try:
        return node.getRoleName()
    except Exception:
        return "?"


def label(node):
    name = node.name or ""
    return "%s “%s”" % (role_name(node), name[:40] + ("…" if len(name) > 40 else ""))


def showing(node):
    try:
        st = node.getState()
        return st.contains(pyatspi.STATE_SHOWING) and st.contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return False


def visible(node):
    try:
        return node.getState().contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return False


def walk(node, path, depth=0):
    """The showing nodes under NODE, each with its path"""
    yield node, path
    if depth > 60:
        return
    try:
        children = list(node)
    except Exception:
        return
    for child in children:
        # GTK 4.8 sets "showing" on windows only: inside one, "visible"
        if child is not None and visible(child):
            yield from walk(child, path + [child], depth + 1)


def is_control(node):
    try:
        if node.getRole() in CONTROLS:
            return True
        return node.getState().contains(pyatspi.STATE_FOCUSABLE)
    except Exception:
        return False


def audit(window, page):
    """Checks every control and row shown in WINDOW; prints offenders"""
    offenders = []
    n = 0
    for node, path in walk(window, [window]):
        if node is window or not is_control(node):
            continue
        n += 1
        why = fault(node.name)
        if why is not None:
            offenders.append("%s: %s" % (why, " > ".join(label(p) for p in path)))
    for o in offenders[:200]:
        print("   " + o)
    if len(offenders) > 200:
        print("   … and %d more" % (len(offenders) - 200))
    check(n > 0 and not offenders,
          "%s: each of %d controls and rows has a meaningful name (%d offenders)" % (page, n, len(offenders)))
    return offenders


class App:
    def __init__(self, binary, database, env_extra):
        env = dict(os.environ)
        env.pop("GTK_A11Y", None)
        env.pop("NO_AT_BRIDGE", None)
        env.update(env_extra)
        self.proc = subprocess.Popen([binary, "--database", database], env=env)
        self.app = None
        end = time.time() + 60
        while time.time() < end and self.app is None:
            desktop = pyatspi.Registry.getDesktop(0)
            for a in desktop:
                try:
                    if a is not None and a.get_process_id() == self.proc.pid:
                        self.app = a
                except Exception:
                    pass
            time.sleep(0.5)

    def window(self, title=None, timeout=30):
        """The showing window (titled TITLE), once it has content"""
        end = time.time() + timeout
        while time.time() < end:
            for w in self.app:
                if w is None or not showing(w):
                    continue
                if title is not None and not re.search(title, w.name or ""):
                    continue
                if title is None and not w.getState().contains(pyatspi.STATE_ACTIVE):
                    continue
                return w
            time.sleep(0.5)
        return None

    def find(self, pred, timeout=30):
        end = time.time() + timeout
        while time.time() < end:
            for w in self.app:
                if w is None:
                    continue
                for node, _ in walk(w, [w]):
                    try:
                        if pred(node):
                            return node
                    except Exception:
                        pass
            time.sleep(0.5)
        return None

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def named(role, name):
    return lambda n: n.getRole() == role and n.name == name and visible(n)


def main():
    binary = sys.argv[1]
    workdir = tempfile.mkdtemp(prefix="pathways-a11y-")
    database = sys.argv[2] if len(sys.argv) > 2 else os.path.join(workdir, "demo.db")
    common = {}

    # The young person's page first (the first young person), then back
    # to the caseload and on through the tabs
    app = App(binary, database, dict(common, PATHWAYS_OPEN_PERSON="1"))
    try:
        if not check(app.app is not None, "the application is on the accessibility bus"):
            return
        window = app.window("Pathways", 60)
        if not check(window is not None, "the main window is shown"):
            return
        person = app.find(lambda n: visible(n) and n.getRole() == pyatspi.ROLE_PUSH_BUTTON and
                          (n.name or "").startswith("Schedule Move"), 60)
        if check(person is not None, "the young person's page is shown"):
            time.sleep(2)
            audit(window, "young person's page")

        press("Escape")
        pages = [
            ("alt+1", "caseload", None),
            ("alt+2", "stock", None),
            ("alt+3", "timeline", "Transitions timeline"),
            ("alt+4", "sufficiency", None),
            ("alt+5", "commissioning", None),
            ("alt+6", "team", None),
            ("alt+7", "plan", None),
            ("alt+8", "my day", None),
        ]
        for key, page, landmark in pages:
            press(key, 4)
            if landmark is not None:
                check(app.find(lambda n: visible(n) and n.name == landmark, 30) is not None,
                      "%s is shown" % page)
            audit(window, page)

        press("ctrl+comma", 4)
        prefs = app.window("Preferences", 30)
        if check(prefs is not None, "Ctrl+comma shows the preferences"):
            audit(prefs, "preferences")
            press("Escape", 2)

        press("ctrl+question", 4)
        shortcuts = app.window("Shortcuts", 30)
        if check(shortcuts is not None, "Ctrl+question shows the shortcuts window"):
            audit(shortcuts, "shortcuts window")
            press("Escape", 2)
    finally:
        app.stop()

    # A unit's page, from Stock
    app = App(binary, database, dict(common, PATHWAYS_START_PAGE="stock", PATHWAYS_OPEN_UNIT="1"))
    try:
        if not check(app.app is not None, "the application is on the accessibility bus again"):
            return
        window = app.window("Pathways", 60)
        unit = app.find(lambda n: visible(n) and n.getRole() == pyatspi.ROLE_PUSH_BUTTON and
                        (n.name or "").startswith("Edit"), 60)
        if check(window is not None and unit is not None, "a unit's page is shown"):
            time.sleep(2)
            audit(window, "unit's page")
    finally:
        app.stop()


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print("usage: test-a11y-pages.py PATHWAYS [DATABASE]")
        sys.exit(2)
    try:
        main()
    except Exception as e:
        import traceback
        traceback.print_exc()
        check(False, "the test ran to its end (%r)" % e)
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed or not passed else 0)
