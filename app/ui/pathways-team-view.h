/* pathways-team-view.h — the Team page: staff and teams
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-context.h"

G_BEGIN_DECLS

#define PATHWAYS_TYPE_TEAM_VIEW (pathways_team_view_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysTeamView, pathways_team_view, PATHWAYS, TEAM_VIEW, GtkWidget)

GtkWidget        *pathways_team_view_new             (PathwaysContext  *context);

/* For the tests */
gboolean          pathways_team_view_is_loading      (PathwaysTeamView *self);
/* The subtitle of @staff_id's row (role, team, caseload size), NULL: no row */
const char       *pathways_team_view_get_staff_subtitle (PathwaysTeamView *self,
                                                         gint64            staff_id);
guint             pathways_team_view_get_n_teams     (PathwaysTeamView *self);
/* The dialog the last action opened */
AdwMessageDialog *pathways_team_view_get_dialog      (PathwaysTeamView *self);
/* Fill in a field of that dialog as a person would: "name", "email",
 * "left-on" (as typed), "role" (a staff-role code), "team" (a team name,
 * NULL for none) */
void              pathways_team_view_dialog_set      (AdwMessageDialog *dialog,
                                                      const char       *field,
                                                      const char       *value);
const char       *pathways_team_view_dialog_get_error (AdwMessageDialog *dialog,
                                                       const char       *field);

G_END_DECLS
