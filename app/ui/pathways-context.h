/* pathways-context.h — what every page and dialog is given
 *
 * One context, owned by the application: the store (NULL until it is
 * open), the clock, the settings, where toasts go (every page shows them
 * the same way, undo included), and who is signed in.  Pages and dialogs
 * get it at construction, as gnome-calendar's views get a GcalContext.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-core.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_CONTEXT (pathways_context_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysContext, pathways_context, PATHWAYS, CONTEXT, GObject)

PathwaysContext *pathways_context_new             (PathwaysClock   *clock,
                                                   GSettings       *settings);

PathwaysStore   *pathways_context_get_store       (PathwaysContext *self);
void             pathways_context_set_store       (PathwaysContext *self,
                                                   PathwaysStore   *store);
void             pathways_context_set_first_caseload  (PathwaysContext *self,
                                                       PathwaysStore   *store,
                                                       const char      *on_date,
                                                       GListModel      *caseload);
GListModel      *pathways_context_take_first_caseload (PathwaysContext *self,
                                                       PathwaysStore   *store,
                                                       const char      *on_date);
PathwaysClock   *pathways_context_get_clock       (PathwaysContext *self);
char            *pathways_context_dup_today       (PathwaysContext *self);
GSettings       *pathways_context_get_settings    (PathwaysContext *self);

/* Who is signed in: the staff member (0 for nobody) and their role
 * ("pa", "housing", "manager", "admin").  On a team server both come from
 * the server (the login's staff record and role group) when the store is
 * set; with the embedded database the staff member is the "my-staff-id"
 * setting and the role NULL (no roles: one person's database). */
gint64           pathways_context_get_staff_id    (PathwaysContext *self);
const char      *pathways_context_get_role        (PathwaysContext *self);
void             pathways_context_set_role        (PathwaysContext *self,
                                                   const char      *role);

/* Toasts: shown on the overlay of the active window (the last one
 * registered when none is active) */
void             pathways_context_add_toast_overlay    (PathwaysContext *self,
                                                        AdwToastOverlay *overlay);
void             pathways_context_add_toast            (PathwaysContext *self,
                                                        AdwToast        *toast);
void             pathways_context_show_message         (PathwaysContext *self,
                                                        const char      *message);
void             pathways_context_show_error           (PathwaysContext *self,
                                                        const GError    *error);
void             pathways_context_show_undoable        (PathwaysContext   *self,
                                                        const char        *message,
                                                        PathwaysChangeSet *undo);
PathwaysChangeSet *pathways_context_get_last_undo      (PathwaysContext *self);
void             pathways_context_undo_last            (PathwaysContext *self);

G_END_DECLS
