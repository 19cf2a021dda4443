/* pathways-timeline.h — every young person's pathway, laid out in time
 *
 * The facts the Timeline page draws: one row per young person with
 * their spells of accommodation (start, end or planned end, state, the
 * kind of accommodation), their moves, their 18th, 21st and 25th
 * birthdays and their milestones, with what the filters need (PA, team,
 * status, age, pathway stage, alerts).  Loaded from one rules snapshot
 * and a few queries; plain structs, read-only once loaded, safe to hand
 * from the worker thread that loads them to the main thread.
 *
 * Days are GDate Julian day numbers, so that drawing is arithmetic; the
 * ISO strings are there for text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pathways-person-filter.h"
#include "pathways-rules.h"
#include "pathways-store.h"

G_BEGIN_DECLS

/* What a spell's bar is coloured by: the pathway stage, with emergency
 * accommodation and B&B kept apart because managers must see them */
typedef enum {
  PATHWAYS_TIMELINE_KIND_IN_CARE,
  PATHWAYS_TIMELINE_KIND_SUPPORTED,
  PATHWAYS_TIMELINE_KIND_STAYING_PUT,
  PATHWAYS_TIMELINE_KIND_STAYING_CLOSE,
  PATHWAYS_TIMELINE_KIND_MOVE_ON,
  PATHWAYS_TIMELINE_KIND_EMERGENCY,
  PATHWAYS_TIMELINE_KIND_OTHER,
  PATHWAYS_TIMELINE_N_KINDS
} PathwaysTimelineKind;

typedef struct {
  gint64                spell_id;
  guint32               start;          /* Julian day */
  guint32               end;            /* last day: actual or planned end; 0 while open-ended */
  const char           *start_date;     /* ISO */
  const char           *end_date;       /* ISO, NULL while open-ended */
  gboolean              end_planned;    /* the end is a plan, not a fact */
  gboolean              planned;        /* the spell itself has not started */
  const char           *state;          /* planned, current, ended */
  PathwaysTimelineKind  kind;
  const char           *kind_label;     /* "Council tenancy", "Foster placement …" */
  const char           *where;          /* unit name or address, may be NULL */
} PathwaysTimelineSpan;

typedef struct {
  gint64      transition_id;
  guint32     day;
  const char *date;                     /* ISO */
  const char *state;                    /* proposed, confirmed, done */
  const char *to;                       /* unit name or address, may be NULL */
} PathwaysTimelineMove;

typedef struct {
  guint32     day;
  const char *due_date;                 /* ISO */
  const char *done_date;                /* ISO or NULL */
  const char *name;
  gboolean    overdue;                  /* not done and due before the day */
} PathwaysTimelineMilestone;

typedef enum {
  PATHWAYS_TIMELINE_BIRTHDAY_18,
  PATHWAYS_TIMELINE_BIRTHDAY_21,
  PATHWAYS_TIMELINE_BIRTHDAY_25,
  PATHWAYS_TIMELINE_N_BIRTHDAYS
} PathwaysTimelineBirthday;

typedef struct {
  gint64              id;
  const char         *name;             /* display name */
  const char         *sort_name;        /* "Family, Given" with the given name shown (preferred) */
  const char         *local_id;
  const char         *date_of_birth;
  int                 age;              /* on the day, -1 if unknown */
  gint64              pa_id;
  const char         *pa_name;          /* NULL: no PA */
  const char         *team;
  PathwaysCareStatus  status;
  const char         *status_code;
  const char         *status_label;
  PathwaysStage       stage;
  int                 alert_count;      /* alerts needing action */
  PathwaysSeverity    alert_severity;   /* the worst of them */
  gboolean            uasc;
  guint32             birthdays[PATHWAYS_TIMELINE_N_BIRTHDAYS];
  const char         *birthday_dates[PATHWAYS_TIMELINE_N_BIRTHDAYS];
  GArray             *spans;            /* PathwaysTimelineSpan, by start */
  GArray             *moves;            /* PathwaysTimelineMove, by date */
  GArray             *milestones;       /* PathwaysTimelineMilestone, by due date */
} PathwaysTimelineRow;

typedef enum {
  PATHWAYS_TIMELINE_GROUP_NONE,
  PATHWAYS_TIMELINE_GROUP_PA,
  PATHWAYS_TIMELINE_GROUP_TEAM,
} PathwaysTimelineGroup;

/* One line of the laid-out timeline: a young person, or a group header */
typedef struct {
  const PathwaysTimelineRow *row;       /* NULL for a header */
  const char                *header;    /* the group's name, for headers */
  guint                      n_in_group;
} PathwaysTimelineLine;

typedef struct _PathwaysTimeline PathwaysTimeline;

#define PATHWAYS_TYPE_TIMELINE (pathways_timeline_get_type ())
GType                      pathways_timeline_get_type      (void) G_GNUC_CONST;

PathwaysTimeline          *pathways_timeline_load          (PathwaysStore        *store,
                                                            const char           *on,
                                                            GError              **error);
void                       pathways_timeline_load_async    (PathwaysStore        *store,
                                                            const char           *on,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
PathwaysTimeline          *pathways_timeline_load_finish   (PathwaysStore        *store,
                                                            GAsyncResult         *result,
                                                            GError              **error);
PathwaysTimeline          *pathways_timeline_ref           (PathwaysTimeline     *self);
void                       pathways_timeline_unref         (PathwaysTimeline     *self);

const char                *pathways_timeline_get_date      (PathwaysTimeline     *self);
const char                *pathways_timeline_get_authority_name (PathwaysTimeline *self);
guint32                    pathways_timeline_get_today     (PathwaysTimeline     *self);
void                       pathways_timeline_get_range     (PathwaysTimeline     *self,
                                                            guint32              *first_day,
                                                            guint32              *last_day);
guint                      pathways_timeline_get_n_rows    (PathwaysTimeline     *self);
const PathwaysTimelineRow *pathways_timeline_get_row       (PathwaysTimeline     *self,
                                                            guint                 index);
const PathwaysTimelineRow *pathways_timeline_find_row      (PathwaysTimeline     *self,
                                                            gint64                person_id);

/* The PAs and teams that appear, for the filter menus:
 * (element-type PathwaysTimelineChoice), by label */
typedef struct {
  gint64      id;      /* PA id, or 0 for teams */
  const char *label;
} PathwaysTimelineChoice;

GArray                    *pathways_timeline_list_pas      (PathwaysTimeline     *self);
GArray                    *pathways_timeline_list_teams    (PathwaysTimeline     *self);

gboolean                   pathways_timeline_row_matches   (const PathwaysTimelineRow  *row,
                                                            const PathwaysPersonFilter *filter);

/* The lines to draw, top to bottom (element-type PathwaysTimelineLine):
 * the rows passing @filter (NULL: everyone) by family name and the
 * given name they are labelled with (preferred), under a
 * header per group unless @group is NONE; groups by name, the group
 * without a PA or team last.  @out_n_people: rows, without headers. */
GArray                    *pathways_timeline_layout        (PathwaysTimeline           *self,
                                                            const PathwaysPersonFilter *filter,
                                                            PathwaysTimelineGroup       group,
                                                            guint                      *out_n_people);

PathwaysTimeline          *pathways_timeline_new_scaled    (PathwaysTimeline           *self,
                                                            guint                       n_rows);

const char                *pathways_timeline_kind_code     (PathwaysTimelineKind  kind);
const char                *pathways_timeline_kind_label    (PathwaysTimelineKind  kind);
PathwaysTimelineKind       pathways_timeline_kind_for      (const char           *unit_kind,
                                                            const char           *accom,
                                                            const char           *place);

/* Julian day helpers */
guint32                    pathways_timeline_day_from_iso  (const char           *iso);
char                      *pathways_timeline_day_to_iso    (guint32               day);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysTimeline, pathways_timeline_unref)

G_END_DECLS
