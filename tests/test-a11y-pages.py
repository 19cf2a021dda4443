#!/usr/bin/python3
# test-a11y-pages.py — every page as a screen reader sees it
#
#   test-a11y-pages.py PATHWAYS [DATABASE]
#
# Run under a display and a session bus with accessibility on (GTK_A11Y
# unset, no NO_AT_BRIDGE), as meson does (meson test a11y-pages).  Starts
# the real application PATHWAYS on the demo authority (DATABASE, made if
# missing), walks over AT-SPI, as Orca would, every page a user can
# reach — a young person's page, the caseload, stock, the timeline,
# sufficiency, commissioning, the team, the plan, my day (with its agenda,
# Coming Up), the preferences, the shortcuts window and, started again, a
# unit's page — and fails on any control or row shown whose name says
# nothing:
#
# - no name, or a class name ("GtkListItemWidget", "GtkToggleButton",
#   "GtkFlowBoxChild", "GtkColumnViewCell", "GtkListBox");
# - a name said twice, as when a label is read with its control
#   ("Years Years", "Team: All Teams Team");
# - a mnemonic underscore ("_Years").
#
# Only what is shown is walked: visible nodes of some size (GTK 4.8 sets
# "showing" on windows only; the application marks the stack pages not
# shown hidden).  A button's content is read as the button; inside a
# drop-down or combo row only its button, the Tab stop, is checked.
# Every offender is printed with its path from the window, so that it
# can be found.  The pages are reached as a user would: Alt+1 … Alt+8,
# Escape, Ctrl+comma and Ctrl+question, pressed through the AT-SPI
# registry.  A11Y_PAGES=Stock,Plan visits only the pages named.
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
    pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_SCROLL_PANE, pyatspi.ROLE_LIST, pyatspi.ROLE_TABLE,
    pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_TREE,
}
for extra in ("ROLE_SWITCH", "ROLE_TOGGLE_BUTTON"):
    if hasattr(pyatspi, extra):
        CONTROLS.add(getattr(pyatspi, extra))

CLASS_NAME = re.compile(r"^(Gtk|Adw|Pathways)[A-Z][A-Za-z]*$")
MNEMONIC = re.compile(r"(^|[\s(])_[^\s_]")
# The whole name again ("Years Years"), or what it starts with again at
# its end ("No referral is open, No referral is open"; "Team: All Teams
# Team"): a label read and then its control's or row's title again
TWICE = re.compile(r"^(\S.{2,}?)([\s,:.].*)?\s\1$", re.S)


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
    """Visible and, when it has a place on the screen, of some size: GTK
    4.8 sets "showing" on windows only, and keeps a collapsed revealer's
    child "visible" (a stack's hidden pages are marked hidden by the
    application: pathways-accessibility.c)"""
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
        return True


BUTTONS = {pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON}


def walk(node, path, depth=0, within=None):
    """The visible nodes under NODE, each with its path and what kind of
    control it is inside: None, "button" (a button's content is read as
    the button, nothing in it is a control of its own) or "combo" (a
    drop-down or combo row: its button is the Tab stop and needs a name;
    the value shown in it is read as the combo's value)"""
    yield node, path, within
    if depth > 60 or within == "button":
        return
    r = role(node)
    if r in BUTTONS and node is not path[0]:
        within = "button"
    elif r == pyatspi.ROLE_COMBO_BOX:
        within = "combo"
    try:
        children = list(node)
    except Exception:
        return
    for child in children:
        if child is not None and visible(child):
            yield from walk(child, path + [child], depth + 1, within)


def role(node):
    try:
        return node.getRole()
    except Exception:
        return None


def is_control(node):
    try:
        if node.getRole() in CONTROLS:
            return True
        return node.getState().contains(pyatspi.STATE_FOCUSABLE)
    except Exception:
        return False


def where(path):
    """PATH from the window, unnamed containers folded into "…" """
    parts = []
    for p in path:
        if not (p.name or "").strip() and role_name(p) in ("panel", "filler", "?"):
            if parts and parts[-1] == "…":
                continue
            parts.append("…")
        else:
            parts.append(label(p))
    return " > ".join(parts)


def survey(window):
    """(name, path) of each control and row shown in WINDOW, read at once:
    a node that goes away meanwhile (a page rebuilt) is left out"""
    controls = []
    for node, path, within in walk(window, [window]):
        try:
            if node is window or within == "button" or not is_control(node):
                continue
            if within == "combo" and role(node) not in BUTTONS:
                continue
            controls.append((node.name, where(path)))
        except Exception:
            continue
    return controls


def audit(window, page, settle=30):
    """Checks every control and row shown in WINDOW; prints offenders.
    Waits (up to SETTLE seconds) for the page to stop changing first"""
    controls = survey(window)
    end = time.time() + settle
    while time.time() < end:
        time.sleep(1)
        again = survey(window)
        if again == controls:
            break
        controls = again
    offenders = []
    for name, path in controls:
        why = fault(name)
        if why is not None:
            offenders.append("%s: %s" % (why, path))
    for o in offenders:
        print("   " + o)
    check(controls and not offenders,
          "%s: each of %d controls and rows has a meaningful name (%d offenders)" % (page, len(controls), len(offenders)))
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
                for node, _, _ in walk(w, [w]):
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


def page_shown(app, root_class, timeout=30):
    """Whether the page whose widget is ROOT_CLASS (GTK 4.8 names a
    widget without a name after its class) is the one shown"""
    return app.find(lambda n: n.name == root_class and visible(n), timeout) is not None


# The window's pages in the order of their tabs, Alt+1 … Alt+8
PAGES = [
    ("alt+1", "Caseload", "PathwaysCaseloadView"),
    ("alt+2", "Stock", "PathwaysStockView"),
    ("alt+3", "Timeline", "PathwaysTimelineView"),
    ("alt+4", "Sufficiency", "PathwaysSufficiencyView"),
    ("alt+5", "Commissioning", "PathwaysCommissionView"),
    ("alt+6", "Team", "PathwaysTeamView"),
    ("alt+7", "Plan", "PathwaysPlanView"),
    ("alt+8", "My Day (with its agenda, Coming Up)", "PathwaysMyDayView"),
]


def main():
    binary = sys.argv[1]
    workdir = tempfile.mkdtemp(prefix="pathways-a11y-")
    database = sys.argv[2] if len(sys.argv) > 2 else os.path.join(workdir, "demo.db")
    only = os.environ.get("A11Y_PAGES")   # a developer's shortcut: "Stock,Plan"
    wanted = (lambda page: only is None or any(w.strip() in page for w in only.split(",")))

    # A young person's page first (the first young person), then back to
    # the caseload and on through the tabs, the preferences and the
    # shortcuts window
    app = App(binary, database, {"PATHWAYS_OPEN_PERSON": "1"})
    try:
        if not check(app.app is not None, "the application is on the accessibility bus"):
            return
        window = app.window("Pathways", 120)
        if not check(window is not None, "the main window is shown"):
            return
        if wanted("Young person"):
            if check(page_shown(app, "PathwaysPersonPage", 120), "a young person's page is shown"):
                audit(window, "Young person's page")
        press("Escape", 2)

        for key, page, root_class in PAGES:
            if not wanted(page):
                continue
            press(key, 2)
            if check(page_shown(app, root_class, 90), "%s is shown (%s)" % (page, key)):
                audit(window, page)

        if wanted("Preferences"):
            press("ctrl+comma", 3)
            prefs = app.window("Preferences", 30)
            if check(prefs is not None, "Ctrl+comma shows the preferences"):
                audit(prefs, "Preferences")
                press("Escape", 2)

        if wanted("Shortcuts"):
            press("ctrl+question", 3)
            shortcuts = app.window("Shortcuts", 30)
            if check(shortcuts is not None, "Ctrl+? shows the shortcuts window"):
                audit(shortcuts, "Shortcuts window")
                press("Escape", 2)
    finally:
        app.stop()

    # A unit's page, opened on Stock
    if not wanted("Unit"):
        return
    app = App(binary, database, {"PATHWAYS_START_PAGE": "stock", "PATHWAYS_OPEN_UNIT": "1"})
    try:
        if not check(app.app is not None, "the application is on the accessibility bus again"):
            return
        window = app.window("Pathways", 120)
        if check(window is not None and page_shown(app, "PathwaysUnitPage", 120), "a unit's page is shown"):
            audit(window, "Unit's page")
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
