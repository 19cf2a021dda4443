/* pathways-episode-dialog.h — adding, editing and ending one episode of
 * a young person's care history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pathways-context.h"
#include "pathways-core.h"

G_BEGIN_DECLS

typedef enum {
  PATHWAYS_EPISODE_DIALOG_ADD,
  PATHWAYS_EPISODE_DIALOG_EDIT,
  PATHWAYS_EPISODE_DIALOG_END,
} PathwaysEpisodeDialogMode;

#define PATHWAYS_TYPE_EPISODE_DIALOG (pathways_episode_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PathwaysEpisodeDialog, pathways_episode_dialog, PATHWAYS, EPISODE_DIALOG, AdwWindow)

/* @episode: NULL to add one for @person_id; else the episode to edit or
 * end.  The codes of the 903 tables are loaded in a worker thread; the
 * save is one recorded action with an Undo toast. */
PathwaysEpisodeDialog *pathways_episode_dialog_new (PathwaysContext           *context,
                                                    gint64                     person_id,
                                                    PathwaysEpisode           *episode,
                                                    PathwaysEpisodeDialogMode  mode);

/* For the tests.  @field: "decom", "dec" (as typed, DD/MM/YYYY), or
 * "rne", "ls", "cin", "place", "place-provider", "rec" (a 903 code, NULL
 * for not recorded).  get_error: the message beside @field, or under
 * the form for NULL. */
void        pathways_episode_dialog_set_value (PathwaysEpisodeDialog *self,
                                               const char            *field,
                                               const char            *value);
const char *pathways_episode_dialog_get_error (PathwaysEpisodeDialog *self,
                                               const char            *field);
gboolean    pathways_episode_dialog_is_busy   (PathwaysEpisodeDialog *self);

G_END_DECLS
