/* pathways-planner.h — the actions a personal adviser takes
 *
 * Scheduling a move, marking it done or cancelling it, ticking
 * milestones, writing notes, saving a profile.  Each is one transaction,
 * checked by the rules engine first, and returns the changes so the
 * window can offer "Undo".  The views and the tests call these same
 * functions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-rules.h"
#include "pathways-store.h"

G_BEGIN_DECLS

typedef struct {
  gint64      young_person_id;
  const char *date;               /* ISO: the day of the move */
  gint64      unit_id;            /* a unit of the register … */
  const char *address;            /* … or an address outside it */
  const char *accom;              /* 903 ACCOM letter; NULL: from the unit's kind */
  int         accom_suitable;     /* ACCOM's digit: 1 suitable, 2 not; 0: from the letter */
  gint64      weekly_cost;        /* pence, for an address outside the register (a unit's is its own) */
  gint64      scheduled_by;       /* staff id, or 0 */
  const char *note;
  const char *accepted_warnings;  /* why the move goes ahead despite warnings */
} PathwaysMoveRequest;

PathwaysEligibility *pathways_planner_check_move       (PathwaysStore              *store,
                                                        const PathwaysMoveRequest  *request,
                                                        GError                    **error);
GListModel          *pathways_planner_list_destinations (PathwaysStore             *store,
                                                        gint64                     young_person_id,
                                                        const char                *date,
                                                        GError                   **error);
gboolean             pathways_planner_schedule_move    (PathwaysStore              *store,
                                                        const PathwaysMoveRequest  *request,
                                                        gint64                     *out_transition_id,
                                                        PathwaysChangeSet         **out_undo,
                                                        GError                    **error);
gboolean             pathways_planner_mark_moved       (PathwaysStore              *store,
                                                        gint64                      transition_id,
                                                        const char                 *moved_on,
                                                        PathwaysChangeSet         **out_undo,
                                                        GError                    **error);
gboolean             pathways_planner_cancel_move      (PathwaysStore              *store,
                                                        gint64                      transition_id,
                                                        PathwaysChangeSet         **out_undo,
                                                        GError                    **error);
gboolean             pathways_planner_set_milestone_done (PathwaysStore            *store,
                                                        gint64                      milestone_id,
                                                        const char                 *done_on,
                                                        PathwaysChangeSet         **out_undo,
                                                        GError                    **error);
PathwaysMilestone   *pathways_milestone_new_from_template (PathwaysRecord           *milestone_template,
                                                        PathwaysRecord             *young_person);
gboolean             pathways_planner_add_person      (PathwaysStore              *store,
                                                       PathwaysYoungPerson        *young_person,
                                                       PathwaysChangeSet         **out_undo,
                                                       GError                    **error);
gboolean             pathways_planner_save            (PathwaysStore              *store,
                                                       PathwaysRecord             *record,
                                                       PathwaysChangeSet         **out_undo,
                                                       GError                    **error);

/* The same in a worker thread (the window calls these: no write on the
 * main thread).  Records and requests are copied when the call is made. */
void                 pathways_planner_schedule_move_async  (PathwaysStore             *store,
                                                            const PathwaysMoveRequest *request,
                                                            GCancellable              *cancellable,
                                                            GAsyncReadyCallback        callback,
                                                            gpointer                   user_data);
gboolean             pathways_planner_schedule_move_finish (PathwaysStore             *store,
                                                            GAsyncResult              *result,
                                                            gint64                    *out_transition_id,
                                                            PathwaysChangeSet        **out_undo,
                                                            GError                   **error);
void                 pathways_planner_mark_moved_async     (PathwaysStore             *store,
                                                            gint64                     transition_id,
                                                            const char                *moved_on,
                                                            GCancellable              *cancellable,
                                                            GAsyncReadyCallback        callback,
                                                            gpointer                   user_data);
void                 pathways_planner_cancel_move_async    (PathwaysStore             *store,
                                                            gint64                     transition_id,
                                                            GCancellable              *cancellable,
                                                            GAsyncReadyCallback        callback,
                                                            gpointer                   user_data);
void                 pathways_planner_set_milestone_done_async (PathwaysStore         *store,
                                                            gint64                     milestone_id,
                                                            const char                *done_on,
                                                            GCancellable              *cancellable,
                                                            GAsyncReadyCallback        callback,
                                                            gpointer                   user_data);
void                 pathways_planner_save_async           (PathwaysStore             *store,
                                                            PathwaysRecord            *record,
                                                            GCancellable              *cancellable,
                                                            GAsyncReadyCallback        callback,
                                                            gpointer                   user_data);
void                 pathways_planner_add_person_async     (PathwaysStore             *store,
                                                            PathwaysYoungPerson       *young_person,
                                                            GCancellable              *cancellable,
                                                            GAsyncReadyCallback        callback,
                                                            gpointer                   user_data);
gboolean             pathways_planner_action_finish        (PathwaysStore             *store,
                                                            GAsyncResult              *result,
                                                            PathwaysRecord           **out_record,
                                                            PathwaysChangeSet        **out_undo,
                                                            GError                   **error);
void                 pathways_planner_check_move_async     (PathwaysStore             *store,
                                                            const PathwaysMoveRequest *request,
                                                            GCancellable              *cancellable,
                                                            GAsyncReadyCallback        callback,
                                                            gpointer                   user_data);
PathwaysEligibility *pathways_planner_check_move_finish    (PathwaysStore             *store,
                                                            GAsyncResult              *result,
                                                            GError                   **error);

/* The SSDA903 ACCOM letters a move outside the register can be recorded
 * with on @date (the reference table's, without "0", not in touch), each
 * a PathwaysRefCode with its meaning */
GListModel          *pathways_planner_list_move_accom_codes (PathwaysStore       *store,
                                                             const char          *date,
                                                             GError             **error);
void                 pathways_planner_list_move_accom_codes_async  (PathwaysStore       *store,
                                                                    const char          *date,
                                                                    GCancellable        *cancellable,
                                                                    GAsyncReadyCallback  callback,
                                                                    gpointer             user_data);
GListModel          *pathways_planner_list_move_accom_codes_finish (PathwaysStore       *store,
                                                                    GAsyncResult        *result,
                                                                    GError             **error);

G_END_DECLS
