# a11y_util.py — what the AT-SPI tests share: start the application,
# press keys, find a node by role and name, survey what is shown, and
# judge and report its names, as Orca would read them
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
    """Counts and prints a check, with the seconds since the start"""
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
    print("%s: %s (%.0f s)" % ("ok" if ok else "FAIL", what, time.time() - started))
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
TWICE = re.compile(r"^(\S.{2,}?)([\s,:.].*)?\s\1$", re.S | re.I)


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


class Seen:
    """What one survey read of a node, each over the bus once: its role,
    state and name (a walk asks each of them several times)"""
    __slots__ = ("node", "role", "state", "_name")

    def __init__(self, node):
        self.node = node
        self._name = False
        try:
            self.role = node.getRole()
        except Exception:
            self.role = None
        try:
            self.state = node.getState()
        except Exception:
            self.state = None

    @property
    def name(self):
        if self._name is False:
            try:
                self._name = self.node.name
            except Exception:
                self._name = None
        return self._name

    def shown(self):
        """visible(), from what was read"""
        if self.state is None or not self.state.contains(pyatspi.STATE_VISIBLE):
            return False
        try:
            e = self.node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
            return e.width > 0 and e.height > 0
        except Exception:
            return True   # no geometry of its own (a stack page): look inside

    def control(self):
        return self.role in CONTROLS or (self.state is not None and self.state.contains(pyatspi.STATE_FOCUSABLE))

    def label(self):
        name = self.name or ""
        try:
            r = self.node.getRoleName()
        except Exception:
            r = "?"
        return r, "%s “%s”" % (r, name[:40] + ("…" if len(name) > 40 else ""))


def walk_seen(seen, path, depth=0, within=None):
    """As walk(), of Seen nodes: each node is read once"""
    yield seen, path, within
    if depth > 60 or within == "button":
        return
    if seen.role in BUTTONS and len(path) > 1:
        within = "button"
    elif seen.role == pyatspi.ROLE_COMBO_BOX:
        within = "combo"
    try:
        children = list(seen.node)
    except Exception:
        return
    for child in children:
        if child is None:
            continue
        c = Seen(child)
        if c.shown():
            yield from walk_seen(c, path + [c], depth + 1, within)


def walk(node, path, depth=0, within=None):
    """The visible nodes under NODE, each with its path and what kind of
    control it is inside: None, "button" (a button's content is read as
    the button, nothing in it is a control of its own) or "combo" (a
    drop-down or combo row: its button is the Tab stop and needs a name;
    the value shown in it is read as the combo's value)"""
    for seen, spath, within in walk_seen(Seen(node), [Seen(node)] if not path else [Seen(p) for p in path]):
        yield seen.node, [p.node for p in spath], within


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
    """PATH (of Seen nodes) from the window, unnamed containers folded into "…" """
    parts = []
    for p in path:
        r, text = p.label()
        if not (p.name or "").strip() and r in ("panel", "filler", "?"):
            if parts and parts[-1] == "…":
                continue
            parts.append("…")
        else:
            parts.append(text)
    return " > ".join(parts)


def survey(window):
    """(name, path) of each control and row shown in WINDOW, read once:
    a node that goes away meanwhile (a page rebuilt) is left out.  The
    path is worked out for offenders only (PATH is a function)"""
    controls = []
    root = Seen(window)
    for seen, path, within in walk_seen(root, [root]):
        if seen is root or within == "button" or not seen.control():
            continue
        if within == "combo" and seen.role not in BUTTONS:
            continue
        controls.append((seen.name, path))
    return controls


def shared(controls):
    """Controls of one container, or rows of one list, that share a name
    (a user could not tell them apart): build-aux/a11y-audit's extra
    check, A11Y_SHARED=1"""
    groups = {}
    for name, path in controls:
        if fault(name) is None and len(path) > 1:
            groups.setdefault((id(path[-2]), path[-1].role), []).append((name, path))
    found = []
    for items in groups.values():
        names = [n for n, _ in items]
        for dup in sorted({n for n in names if names.count(n) > 1}):
            path = next(p for n, p in items if n == dup)
            found.append("%d share the name “%s”: under %s" % (names.count(dup), dup, where(path[:-1])))
    return found


def audit(window, page, settle=0.5, stable=0):
    """Checks every control and row shown in WINDOW; prints offenders.
    The caller has waited for the page (a known object of it shown);
    SETTLE seconds more let its rows be laid out, then it is surveyed once"""
    time.sleep(settle)
    controls = survey(window)
    end = time.time() + stable   # STABLE > 0: surveyed again until it stops changing
    while time.time() < end:
        time.sleep(1)
        again = [(n, len(p)) for n, p in survey(window)]
        if again == [(n, len(p)) for n, p in controls]:
            break
        controls = survey(window)
    offenders = []
    for name, path in controls:
        why = fault(name)
        if why is not None:
            offenders.append("%s: %s" % (why, where(path)))
    if os.environ.get("A11Y_SHARED") == "1":
        offenders += shared(controls)
    for o in offenders:
        print("   " + o)
    check(controls and not offenders,
          "%s: each of %d controls and rows has a meaningful name (%d offenders)" % (page, len(controls), len(offenders)))
    return offenders


def find_in(root, pred, timeout=10):
    """The first visible node under ROOT for which PRED holds, waiting up
    to TIMEOUT seconds for it to be shown"""
    end = time.time() + timeout
    while True:
        for node, _, _ in walk(root, [root]):
            try:
                if pred(node):
                    return node
            except Exception:
                pass
        if time.time() >= end:
            return None
        time.sleep(0.3)


def activate(node, settle=1.0):
    """Does NODE's first AT-SPI action (click, activate), as Orca's
    "activate" would; whether it could"""
    try:
        node.queryAction().doAction(0)
    except Exception as e:
        print("   cannot activate %s: %r" % (label(node), e))
        return False
    time.sleep(settle)
    return True


def act(node, action, settle=1.0):
    """Does NODE's AT-SPI action called ACTION.  GTK 4.8 lists a widget's
    own actions without a parameter as its AT-SPI actions: the window's
    "win.import-903", "window.close", a page's "person.show-offers" — a
    dialog is opened as its menu item or button would open it, whichever
    window has the keyboard focus (Xvfb has no window manager to give it
    back to the main window when a dialog closes)"""
    try:
        a = node.queryAction()
        for i in range(a.nActions):
            if a.getName(i) == action:
                a.doAction(i)
                time.sleep(settle)
                return True
    except Exception as e:
        print("   cannot do %s on %s: %r" % (action, label(node), e))
        return False
    print("   %s has no action %s" % (label(node), action))
    return False


def summary():
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed or not passed else 0


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
                # (a message dialog is visible, never "showing")
                if w is None or not (showing(w) or visible(w)):
                    continue
                if title is not None and not re.search(title, w.name or ""):
                    continue
                if title is None and not w.getState().contains(pyatspi.STATE_ACTIVE):
                    continue
                return w
            time.sleep(0.3)
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
            time.sleep(0.3)
        return None

    def action(self, name, settle=1.0):
        """Activates the application's action NAME ("about",
        "preferences") over its D-Bus interface org.gtk.Actions, as the
        main menu would; whether it could"""
        from gi.repository import Gio, GLib
        try:
            bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
            dbus = ("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus")
            if getattr(self, "bus_name", None) is None:
                names = bus.call_sync(*dbus, "ListNames", None, None, 0, -1, None).unpack()[0]
                for n in names:
                    if not n.startswith(":"):
                        continue
                    try:
                        pid = bus.call_sync(*dbus, "GetConnectionUnixProcessID", GLib.Variant("(s)", (n,)),
                                            None, 0, -1, None).unpack()[0]
                    except Exception:
                        continue
                    for path in self.OBJECT_PATHS if pid == self.proc.pid else ():
                        try:
                            bus.call_sync(n, path, "org.gtk.Actions", "List", None, None, 0, -1, None)
                        except Exception:
                            continue   # not the application's connection, or another profile's path
                        self.bus_name, self.bus_path = n, path
            bus.call_sync(self.bus_name, self.bus_path, "org.gtk.Actions", "Activate",
                          GLib.Variant("(sava{sv})", (name, [], {})), None, 0, -1, None)
        except Exception as e:
            print("   cannot activate app.%s: %r" % (name, e))
            return False
        time.sleep(settle)
        return True

    # The application's object: its id as a path (the development profile's ends in .Devel)
    OBJECT_PATHS = ("/io/github/carepathways/Pathways", "/io/github/carepathways/Pathways/Devel")

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


