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
import sys
import tempfile
import time

from a11y_util import (App, activate, audit, check, find_in, named, page_shown, press, pyatspi,
                       role, showing, summary, visible)


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


def dialog(app, window, key, title, what, close="Escape"):
    """Presses KEY, audits the window titled TITLE it shows, closes it
    with CLOSE and waits until it is gone"""
    press(key, 0.5)
    shown = app.window(title, 20)
    if check(shown is not None, "%s shows %s" % (key, what)):
        audit(shown, what)
        press(close, 0.5)
        gone(app, title)
    return shown


def gone(app, title, timeout=10):
    end = time.time() + timeout
    while time.time() < end and app.window(title, 0.1) is not None:
        time.sleep(0.2)


def popover_of(app, window, button_pred, what, settle=0.5):
    """Activates the button for which BUTTON_PRED holds, audits the
    popover it shows (a child of the button, as GTK 4.8 has it) and
    closes it with Escape"""
    button = find_in(window, button_pred, 10)
    if not check(button is not None, "the button of %s is found" % what):
        return None
    activate(button, settle)
    popover = None
    end = time.time() + 10
    while popover is None and time.time() < end:
        for child in button:
            if child is not None and role(child) in (pyatspi.ROLE_MENU, pyatspi.ROLE_POPUP_MENU,
                                                     pyatspi.ROLE_WINDOW, pyatspi.ROLE_PANEL,
                                                     pyatspi.ROLE_DIALOG) and visible(child):
                popover = child
        if popover is None:
            time.sleep(0.2)
    if check(popover is not None, "%s is shown" % what):
        audit(popover, what, 0)
        press("Escape", 0.5)
    return popover


def main():
    binary = sys.argv[1]
    workdir = tempfile.mkdtemp(prefix="pathways-a11y-")
    database = sys.argv[2] if len(sys.argv) > 2 else os.path.join(workdir, "demo.db")
    only = os.environ.get("A11Y_PAGES")   # a developer's shortcut: "Stock,Plan"
    wanted = (lambda page: only is None or any(w.strip() in page for w in only.split(",")))
    started = time.time()
    # The dialogs, the main menu and the New Young Person form: opt-in
    # (A11Y_DIALOGS=1) until their offenders are fixed
    dialogs = os.environ.get("A11Y_DIALOGS") == "1"

    # A young person's page first (the first young person) with its
    # dialogs, then back to the caseload and on through the tabs, the
    # menus and dialogs of the window, the preferences, the shortcuts
    # window and the About window: one application for the whole walk
    app = App(binary, database, {"PATHWAYS_OPEN_PERSON": "1"})
    try:
        if not check(app.app is not None, "the application is on the accessibility bus"):
            return
        window = app.window("Pathways", 120)
        if not check(window is not None, "the main window is shown"):
            return
        if wanted("Young person"):
            if check(page_shown(app, "PathwaysPersonPage", 120), "a young person's page is shown"):
                # the start-up toast goes first (its close button is named "GtkImage")
                audit(window, "Young person's page", stable=30)
                if dialogs:
                  dialog(app, window, "ctrl+m", "Schedule a Move", "the Schedule Move dialog")
                  dialog(app, window, "ctrl+shift+o", "Referral|Offer", "the Referrals and Offers dialog")
        press("Escape", 1)

        for key, page, root_class in PAGES:
            if not wanted(page):
                continue
            press(key, 0.5)
            if check(page_shown(app, root_class, 90), "%s is shown (%s)" % (page, key)):
                audit(window, page)
                if dialogs and root_class == "PathwaysCaseloadView" and wanted("New Young Person"):
                    dialog(app, window, "ctrl+n", "Add Young Person", "the New Young Person form")

        if dialogs and wanted("Main menu"):
            popover_of(app, window, named(pyatspi.ROLE_TOGGLE_BUTTON, "Main menu"), "the main menu")

        if dialogs and wanted("Import"):
            dialog(app, window, "ctrl+shift+i", "Import", "the SSDA903 import dialog")

        if wanted("Preferences"):
            dialog(app, window, "ctrl+comma", "Preferences", "the preferences")

        if wanted("Shortcuts"):
            dialog(app, window, "ctrl+question", "Shortcuts", "the shortcuts window")
    finally:
        app.stop()

    # A unit's page, opened on Stock
    if wanted("Unit"):
        app = App(binary, database, {"PATHWAYS_START_PAGE": "stock", "PATHWAYS_OPEN_UNIT": "1"})
        try:
            if not check(app.app is not None, "the application is on the accessibility bus again"):
                return
            window = app.window("Pathways", 120)
            if check(window is not None and page_shown(app, "PathwaysUnitPage", 120), "a unit's page is shown"):
                audit(window, "Unit's page")
        finally:
            app.stop()
    print("the walk took %.0f s" % (time.time() - started))


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
    sys.exit(summary())
