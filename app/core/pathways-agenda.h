/* pathways-agenda.h — what is coming up for a caseload: My day and the Agenda
 *
 * The alerts and key dates of the young people of a personal adviser or
 * a team for the coming weeks, from the rules (key dates, alerts) and
 * the store (planned moves, milestones) through one timeline load:
 * reviews, needs assessments, birthdays (the 18th above all), Staying Put
 * ends, the Universal Credit advance claim, planned moves, milestones due.
 * Plain structs, read-only once loaded, safe to hand from the worker
 * thread that loads them to the main thread.  pathways_agenda_write_ics()
 * writes the dates as an iCalendar file for a PA's calendar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pathways-rules.h"
#include "pathways-store.h"

G_BEGIN_DECLS

typedef enum {
  PATHWAYS_AGENDA_ALERT,   /* something to act on now (the rules' alerts) */
  PATHWAYS_AGENDA_DATE,    /* a key date coming up */
} PathwaysAgendaKind;

/* Stable codes of the key dates (alerts use their PATHWAYS_ALERT_… kind) */
#define PATHWAYS_AGENDA_BIRTHDAY          "birthday"
#define PATHWAYS_AGENDA_NEEDS_ASSESSMENT  "needs-assessment"
#define PATHWAYS_AGENDA_PLAN_REVIEW       "pathway-plan-review"
#define PATHWAYS_AGENDA_STAYING_PUT_END   "staying-put-end"
#define PATHWAYS_AGENDA_UNIVERSAL_CREDIT  "universal-credit-claim"
#define PATHWAYS_AGENDA_MOVE              "planned-move"
#define PATHWAYS_AGENDA_MILESTONE         "milestone"

typedef struct {
  PathwaysAgendaKind  kind;
  const char         *code;         /* PATHWAYS_AGENDA_… or PATHWAYS_ALERT_… */
  const char         *key;          /* stable identity: "12-birthday-18" (no names, no dates) */
  const char         *date;         /* ISO: the day, or when an alert is or was due (may be NULL) */
  const char         *title;        /* translated: "18th birthday", an alert's reason */
  PathwaysSeverity    severity;     /* alerts; INFO for dates */
  gint64              person_id;
  const char         *person_name;  /* display name */
  const char         *short_name;   /* given name and family initial: "Yonas A." */
  gint64              pa_id;        /* 0: no PA */
  const char         *pa_name;      /* NULL: no PA */
  const char         *team;         /* NULL: no team */
} PathwaysAgendaItem;

typedef struct _PathwaysAgenda PathwaysAgenda;

#define PATHWAYS_TYPE_AGENDA (pathways_agenda_get_type ())
GType           pathways_agenda_get_type      (void) G_GNUC_CONST;

/* Everyone's alerts today and key dates from @from for @days days */
PathwaysAgenda *pathways_agenda_load          (PathwaysStore       *store,
                                               const char          *from,
                                               int                  days,
                                               GError             **error);
void            pathways_agenda_load_async    (PathwaysStore       *store,
                                               const char          *from,
                                               int                  days,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
PathwaysAgenda *pathways_agenda_load_finish   (PathwaysStore       *store,
                                               GAsyncResult        *result,
                                               GError             **error);
PathwaysAgenda *pathways_agenda_ref           (PathwaysAgenda      *self);
void            pathways_agenda_unref         (PathwaysAgenda      *self);

const char     *pathways_agenda_get_from      (PathwaysAgenda      *self);
const char     *pathways_agenda_get_to        (PathwaysAgenda      *self);   /* the last day */
const char     *pathways_agenda_get_authority_name (PathwaysAgenda *self);

/* The items for a PA (@pa_id, 0: any) and/or a team (@team, NULL: any):
 * (element-type PathwaysAgendaItem) (transfer container), alerts first,
 * worst first and then by due date, then the dates by day and name.
 * @kinds: which, as a mask of 1 << PATHWAYS_AGENDA_ALERT / _DATE. */
#define PATHWAYS_AGENDA_ALL ((1u << PATHWAYS_AGENDA_ALERT) | (1u << PATHWAYS_AGENDA_DATE))
GPtrArray      *pathways_agenda_select        (PathwaysAgenda      *self,
                                               gint64               pa_id,
                                               const char          *team,
                                               guint                kinds);

/* The PAs (id and name) and the teams that have young people, by name:
 * (element-type utf8) (transfer container); @out_ids gets the PAs' ids */
GPtrArray      *pathways_agenda_list_pas      (PathwaysAgenda      *self,
                                               GArray             **out_ids);
GPtrArray      *pathways_agenda_list_teams    (PathwaysAgenda      *self);

/* iCalendar (RFC 5545) ------------------------------------------------- */

/* The dates of @items (alerts are left out) as all-day VEVENTs: UID from
 * the item's key (stable across exports, so a calendar updates rather
 * than duplicates), SUMMARY "18th birthday: leaves care — Yonas A.": the
 * given name and family initial only, no date of birth, address or reason —
 * CLASS:CONFIDENTIAL.  @stamp: DTSTAMP (UTC, NULL: now). */
char           *pathways_agenda_to_ics        (GPtrArray           *items,
                                               const char          *calendar_name,
                                               GDateTime           *stamp);
/* The same into @path, created 0600 and replaced whole */
gboolean        pathways_agenda_write_ics     (GPtrArray           *items,
                                               const char          *calendar_name,
                                               const char          *path,
                                               GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysAgenda, pathways_agenda_unref)

G_END_DECLS
