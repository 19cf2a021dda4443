#!/usr/bin/python3
# test-a11y-timeline.py — the Timeline page as a screen reader sees it
#
#   test-a11y-timeline.py HOST
#
# Run under a display and a session bus with accessibility on (GTK_A11Y
# unset, no NO_AT_BRIDGE), as meson does: starts HOST
# (timeline-a11y-host), reads its accessible tree over AT-SPI, as Orca
# would, and sends real key presses through the AT-SPI registry:
#
# - the timeline is a list, not an image: its rows are list items named
#   in sentences (who, age, status, where they live now), each with its
#   spells, moves, milestones and birthdays as named children; no name
#   is a class name, empty, repeated or has a mnemonic underscore;
# - the legend is no Tab stop;
# - Ctrl+minus works while the focus is outside the page;
# - Down moves the focus to the next row, Right to its first mark, and
#   Enter opens that young person.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys
import threading
import time

from a11y_util import check, fault, press as press_key, pyatspi, summary


class Host:
    def __init__(self, path):
        env = dict(os.environ)
        env.pop("GTK_A11Y", None)
        env.pop("NO_AT_BRIDGE", None)
        self.proc = subprocess.Popen([path], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env,
                                     text=True, bufsize=1)
        self.lines = []
        self.cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.proc.stdout:
            with self.cond:
                self.lines.append(line.strip())
                self.cond.notify_all()

    def wait_for(self, prefix, timeout=60):
        end = time.time() + timeout
        with self.cond:
            while True:
                for i, line in enumerate(self.lines):
                    if line.startswith(prefix):
                        del self.lines[:i + 1]
                        return line
                left = end - time.time()
                if left <= 0:
                    return None
                self.cond.wait(left)

    def send(self, command):
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        return self.wait_for("done " + command, 20)

    def stop(self):
        try:
            self.send("quit")
            self.proc.wait(20)
        except Exception:
            self.proc.kill()


def press(key):
    press_key(key, settle=0.6)


def find_app(name, timeout=30):
    end = time.time() + timeout
    while time.time() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and app.name == name:
                return app
        time.sleep(0.5)
    return None


def walk(node, depth=0):
    yield node
    if depth > 40:
        return
    for child in node:
        if child is not None:
            yield from walk(child, depth + 1)


def find(root, pred):
    for node in walk(root):
        try:
            if pred(node):
                return node
        except Exception:
            pass
    return None


def states(node):
    return node.getState()


def focused_in(root):
    return find(root, lambda n: states(n).contains(pyatspi.STATE_FOCUSED))


DATE = re.compile(r"\b\d\d/\d\d/\d{4}\b")


def meaningful(name):
    """a11y_util's judgement, the same as the walk of every page's"""
    return fault(name) is None


def main():
    host = Host(sys.argv[1])
    try:
        if not check(host.wait_for("ready") is not None, "the host shows the timeline"):
            return
        app = find_app("timeline-a11y-host")
        if not check(app is not None, "the host is on the accessibility bus"):
            return
        time.sleep(1)

        timeline = find(app, lambda n: n.getRole() == pyatspi.ROLE_LIST and n.name == "Transitions timeline")
        if not check(timeline is not None, "the timeline is a list named “Transitions timeline”, not an image"):
            return

        lines = [c for c in timeline if c is not None]
        check(len(lines) >= 10, "the rows in view are exposed (%d)" % len(lines))
        names = [c.name for c in lines]
        check(all(meaningful(n) for n in names), "every row has a meaningful name")
        check(len(set(names)) == len(names), "no two rows have the same name")
        rows = [c for c in lines if c.getRole() == pyatspi.ROLE_LIST_ITEM]
        check(len(rows) == len(lines), "every line is a list item (no grouping)")
        first = rows[0].name if rows else ""
        print("   first row: " + first)
        check(re.match(r"^[^,]+, \d+, [^.]+\. ", first) is not None,
              "a row says who, their age and status first")
        check(DATE.search(first) is not None, "a row says where they live and since when, with dates")

        marks = [m for m in rows[0] if m is not None] if rows else []
        print("   its marks: %d, the first: %s" % (len(marks), marks[0].name if marks else "-"))
        check(len(marks) > 0, "the row's spells, moves, milestones and birthdays are exposed")
        bad = [m.name for m in marks if not meaningful(m.name)]
        check(not bad, "every mark has a meaningful name" + (": not %r" % bad[:3] if bad else ""))
        check(any(DATE.search(m.name) for m in marks), "the marks say when")

        legend = find(app, lambda n: n.name == "Legend")
        if check(legend is not None, "the legend is there, named"):
            stops = [n for n in walk(legend) if states(n).contains(pyatspi.STATE_FOCUSABLE)]
            check(len(stops) == 0, "the legend has no Tab stops (%d)" % len(stops))
            entries = [c.name for c in legend if c is not None]
            check(all(meaningful(n) for n in entries) and len(entries) >= 12,
                  "each legend entry is named (%d)" % len(entries))
            check(any(n.startswith("Alerts") for n in entries), "the alert dots are in the legend")

        # A page shortcut with the focus outside the page
        years = find(app, lambda n: n.getRole() in (pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_PUSH_BUTTON) and
                     n.name == "Years")
        buttons = [n.name for n in walk(app) if n.getRole() in (pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_PUSH_BUTTON)]
        bad = [n for n in buttons if not meaningful(n)]
        check(not bad, "every button on the page has a meaningful name" + (": not %r" % bad if bad else ""))
        entry = focused_in(app)
        check(entry is not None and entry.name == "Elsewhere", "the focus starts outside the timeline")
        press("ctrl+minus")
        if years is not None:
            print("   Years: " + ", ".join(pyatspi.stateToString(st) for st in states(years).getStates()))
        check(years is not None, "the zoom buttons are named without their mnemonic")
        check(years is not None and (states(years).contains(pyatspi.STATE_CHECKED) or
                                     states(years).contains(pyatspi.STATE_PRESSED)),
              "Ctrl+minus zooms out to years with the focus outside the page")

        # Into the timeline, then the keyboard
        host.send("focus-grid")
        time.sleep(1)
        focus = focused_in(timeline)
        check(focus is not None and focus.name == names[0], "Tab into the timeline focuses the first row")
        press("Down")
        focus = focused_in(timeline)
        second = [c for c in timeline if c is not None][1].name
        check(focus is not None and focus.name == second, "Down focuses the next row: " +
              (focus.name[:60] if focus else "nothing"))
        press("Right")
        focus = focused_in(timeline)
        check(focus is not None and focus.getRole() == pyatspi.ROLE_LIST_ITEM and focus.parent is not None and
              focus.parent.name == second, "Right focuses the row's first mark: " +
              (focus.name[:60] if focus else "nothing"))
        press("Return")
        opened = host.wait_for("opened ", 10)
        check(opened is not None and second.startswith(opened[len("opened "):] + ","),
              "Enter opens that young person (%s)" % opened)
    finally:
        host.stop()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: test-a11y-timeline.py HOST")
        sys.exit(2)
    try:
        main()
    except Exception as e:
        check(False, "the test ran to its end (%r)" % e)
    sys.exit(summary())
