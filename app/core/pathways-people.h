/* pathways-people.h — the caseload as a team keeps it: closing and
 * reopening cases, reassigning young people, contacts, staff who leave,
 * and who is past the retention period (issue #12)
 *
 * Each action is one recorded transaction (undone as one), validated by
 * the store like every write, on whichever backend the store has.
 * Adding a young person with their milestones is
 * pathways_planner_add_person().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-store.h"

G_BEGIN_DECLS

gboolean    pathways_people_close_case       (PathwaysStore       *store,
                                              gint64               person_id,
                                              const char          *closed_on,
                                              const char          *reason,
                                              PathwaysChangeSet  **out_undo,
                                              GError             **error);
gboolean    pathways_people_reopen_case      (PathwaysStore       *store,
                                              gint64               person_id,
                                              PathwaysChangeSet  **out_undo,
                                              GError             **error);
gboolean    pathways_people_reassign         (PathwaysStore       *store,
                                              const gint64        *person_ids,
                                              guint                n_people,
                                              gint64               staff_id,
                                              PathwaysChangeSet  **out_undo,
                                              GError             **error);
gboolean    pathways_people_record_contact   (PathwaysStore       *store,
                                              PathwaysContact     *contact,
                                              PathwaysChangeSet  **out_undo,
                                              GError             **error);
gboolean    pathways_people_staff_leaves     (PathwaysStore       *store,
                                              gint64               staff_id,
                                              const char          *left_on,
                                              PathwaysChangeSet  **out_undo,
                                              GError             **error);

gboolean    pathways_people_rename_team      (PathwaysStore       *store,
                                              gint64               team_id,
                                              const char          *new_name,
                                              PathwaysChangeSet  **out_undo,
                                              GError             **error);

/* Who is signed in, for a contact's author: the team server's staff
 * member, else the OS login's real name (or login) */
char       *pathways_people_dup_author       (PathwaysStore       *store);

/* Open cases per staff member: staff id (gint64*) → count (GINT_TO_POINTER) */
GHashTable *pathways_people_caseload_sizes   (PathwaysStore       *store,
                                              GError             **error);

/* Closed cases kept past the retention setting on @on: PathwaysYoungPerson,
 * the oldest first */
GListModel *pathways_people_past_retention   (PathwaysStore       *store,
                                              const char          *on,
                                              GError             **error);
char       *pathways_people_retention_end    (PathwaysStore       *store,
                                              const char          *date_of_birth);

/* Contacts of a young person, newest first */
GListModel *pathways_people_list_contacts    (PathwaysStore       *store,
                                              gint64               person_id,
                                              GError             **error);

/* The same in a worker thread; finish with pathways_people_action_finish() */
void        pathways_people_close_case_async (PathwaysStore       *store,
                                              gint64               person_id,
                                              const char          *closed_on,
                                              const char          *reason,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
void        pathways_people_reopen_case_async (PathwaysStore      *store,
                                               gint64              person_id,
                                               GCancellable       *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
void        pathways_people_reassign_async   (PathwaysStore       *store,
                                              const gint64        *person_ids,
                                              guint                n_people,
                                              gint64               staff_id,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
void        pathways_people_record_contact_async (PathwaysStore       *store,
                                                  PathwaysContact     *contact,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
void        pathways_people_staff_leaves_async (PathwaysStore       *store,
                                                gint64               staff_id,
                                                const char          *left_on,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
void        pathways_people_rename_team_async (PathwaysStore       *store,
                                               gint64               team_id,
                                               const char          *new_name,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean    pathways_people_action_finish    (PathwaysStore       *store,
                                              GAsyncResult        *result,
                                              PathwaysChangeSet  **out_undo,
                                              GError             **error);

G_END_DECLS
