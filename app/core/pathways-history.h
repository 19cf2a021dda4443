/* pathways-history.h — who changed what and when: a record's history
 *
 * The audit log's rows about a young person (their profile and the
 * records about them: spells, moves, milestones, notes, contacts,
 * episodes…) or a unit, read through the store, newest first, told in
 * words: the table's name, the fields' labels ("Date of birth") and the
 * values as a person reads them (UK dates, pounds, Yes/No).  Plain
 * structs, safe to hand from a worker thread to the main thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pathways-store.h"

G_BEGIN_DECLS

typedef struct {
  const char *label;    /* translated field label: "Date of birth" */
  char       *before;   /* as read: "14/05/2008", NULL when empty */
  char       *after;
} PathwaysHistoryChange;

typedef struct {
  char      *at;        /* ISO 8601 UTC, as stored */
  char      *when;      /* local: "2 December 2026, 14:02" */
  char      *who;       /* the staff member signed in as, else the login */
  char      *what;      /* translated: "Milestone", "Young person" */
  char      *action;    /* insert, update, delete, erase, … */
  char      *summary;   /* translated: "Milestone added: Open a bank account" */
  GPtrArray *changes;   /* PathwaysHistoryChange*, in the record's field order */
} PathwaysHistoryEvent;

void       pathways_history_event_free    (PathwaysHistoryEvent *event);

/* (element-type PathwaysHistoryEvent) newest first; @table "young_person"
 * (everything about them) or "unit" */
GPtrArray *pathways_history_load          (PathwaysStore        *store,
                                           const char           *table,
                                           gint64                row_id,
                                           GError              **error);
void       pathways_history_load_async    (PathwaysStore        *store,
                                           const char           *table,
                                           gint64                row_id,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
GPtrArray *pathways_history_load_finish   (PathwaysStore        *store,
                                           GAsyncResult         *result,
                                           GError              **error);

/* One audit row in words (for the loader and the tests) */
PathwaysHistoryEvent *pathways_history_describe (PathwaysAuditEntry *entry);

/* A flat JSON object as the audit log stores a row ({"key": value, …},
 * values strings, numbers, true/false or null): key → value text (NULL
 * for null), or NULL when @text is not one */
GHashTable *pathways_history_parse_row    (const char           *text);

G_END_DECLS
