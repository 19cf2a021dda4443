/* pathways-plan.h — the service-wide plan: who should move where, and when
 *
 * A rolling plan over a horizon (36 months by default).  Each month the
 * young people who need a move then (pathways_rules_move_need(): nowhere
 * to live, a placement ending at 18, Staying Put ending at 21, a planned
 * end, ready to move on) and those still waiting from earlier months are
 * assigned to the units free for their whole stay, by a min-cost flow
 * (pathways-flow.h, LEMON's network simplex); the month's moves are then
 * carried over: the unit is held for the stay, and whoever will outgrow
 * it comes back as demand on that day.
 *
 * Hard constraints come from the rules engine only: a unit is offered
 * when pathways_rules_check_unit() has no blocking reason and no warning
 * (so B&B never, Staying Put only with their own carers, registration,
 * the unit's ages and support) and pathways_rules_unit_free_on() holds
 * for each month of the stay (occupants, confirmed moves, voids, offline
 * periods).  Young people with a confirmed move are left as they are.
 *
 * The objective's weights (PathwaysPlanWeights) are settings of the
 * authority a manager edits in Preferences.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pathways-flow.h"
#include "pathways-rules.h"
#include "pathways-snapshot.h"
#include "pathways-store.h"

G_BEGIN_DECLS

#define PATHWAYS_PLAN_DEFAULT_MONTHS 36
#define PATHWAYS_PLAN_MAX_MONTHS     120

/* Each weight is a whole number 0–100; what one point of it buys is in
 * pathways-plan.c (plan_cost_*) and the README */
typedef struct {
  int cost;        /* weekly cost of the unit */
  int distance;    /* a unit outside the authority */
  int stability;   /* a stay cut short (moves again within a year) */
  int readiness;   /* moving on those who are ready */
  int wishes;      /* their preferred area */
  int waiting;     /* fair waiting: those who waited longest first */
} PathwaysPlanWeights;

void                 pathways_plan_weights_init         (PathwaysPlanWeights *weights);
/* From the authority's settings (pathways_store_dup_settings()): each
 * value through pathways_setting_int_or_default() */
void                 pathways_plan_weights_from_settings (PathwaysPlanWeights *weights,
                                                         GHashTable          *settings);

typedef struct _PathwaysWhatIf PathwaysWhatIf;

typedef struct {
  int                         months;       /* 1–PATHWAYS_PLAN_MAX_MONTHS; 0: the default */
  PathwaysPlanWeights         weights;
  const PathwaysWhatIf       *what_if;      /* nullable */
  GHashTable                 *rejected;     /* nullable: "PERSON:UNIT" → reason; never proposed again */
  /* Called with each month's solved flow problem (the tests compare it
   * with an exact solver) */
  void                      (*month_solved) (int month, PathwaysFlow *flow, gpointer data);
  gpointer                    month_solved_data;
  /* Called from the planning thread, from 0 to 1 */
  void                      (*progress)     (double fraction, gpointer data);
  gpointer                    progress_data;
} PathwaysPlanOptions;

void                 pathways_plan_options_init         (PathwaysPlanOptions *options);

typedef struct {
  gint64  unit_id;
  char   *unit_name;
  gint64  cost;          /* objective points */
  gint64  extra;         /* more than the proposal's */
  gboolean taken;        /* the plan gives it to someone else */
} PathwaysPlanAlternative;

typedef struct {
  gint64            person_id;
  char             *person_name;
  gint64            pa_id;
  PathwaysNeedKind  need;
  char             *need_date;     /* ISO: when the need arises */
  char             *date;          /* ISO: the proposed move (or when none could be found) */
  int               month;         /* 0 … months-1 */
  int               months_waited; /* met after the need date */
  gint64            unit_id;       /* 0: no suitable unit */
  char             *unit_name;
  char             *unit_kind;
  char             *unit_area;
  gboolean          in_authority;
  gint64            weekly_cost;   /* pence */
  gint64            cost;          /* objective points */
  gint64            term_cost, term_distance, term_stability, term_wishes, term_readiness;
  char             *why;           /* the terms it won on, in words */
  GPtrArray        *alternatives;  /* PathwaysPlanAlternative*: next best first */
  char             *what_would_help; /* no suitable unit: what would make one suitable */
  char             *commission;    /* no suitable unit: the commissioning category */
  char             *commission_area; /* (nullable) */
} PathwaysProposal;

typedef struct {
  char  *category;   /* "supported-16-17", "supported-18", "tenancy" */
  char  *area;       /* nullable: anywhere in the authority */
  int    count;      /* young people without a place */
  char  *by;         /* ISO: the first of them needs it by then */
  char  *text;       /* "3 more registered supported places for 16–17s in North by June 2027" */
} PathwaysCommission;

typedef struct {
  char       *today;
  int         months;
  GPtrArray  *proposals;     /* PathwaysProposal*, by date then name */
  GPtrArray  *commissions;   /* PathwaysCommission*, soonest first */
  gint64      total_cost;    /* objective, the sum of each month's optimum */
  gint64      weekly_cost;   /* pence a week of every proposed unit */
  int         n_moves;
  int         n_unmet;       /* needs never met within the horizon */
  int         n_late;        /* met, but after the need date */
  int         n_kept;        /* young people with a confirmed move, left as they are */
  int         n_out_of_authority;
  double      seconds;
  double      solver_seconds;
} PathwaysPlan;

PathwaysPlan        *pathways_plan_compute        (PathwaysSnapshot           *snapshot,
                                                   const PathwaysPlanOptions  *options,
                                                   GCancellable               *cancellable,
                                                   GError                    **error);
void                 pathways_plan_free           (PathwaysPlan               *plan);
const PathwaysProposal *pathways_plan_find_person (PathwaysPlan               *plan,
                                                   gint64                      person_id);

/* Load the facts and the weights from @store and plan (in a thread with
 * the _async variant; @options may be NULL for the settings' weights) */
PathwaysPlan        *pathways_plan_run            (PathwaysStore              *store,
                                                   const PathwaysPlanOptions  *options,
                                                   GCancellable               *cancellable,
                                                   GError                    **error);
void                 pathways_plan_run_async      (PathwaysStore              *store,
                                                   const PathwaysPlanOptions  *options,
                                                   GCancellable               *cancellable,
                                                   GAsyncReadyCallback         callback,
                                                   gpointer                    user_data);
PathwaysPlan        *pathways_plan_run_finish     (PathwaysStore              *store,
                                                   GAsyncResult               *result,
                                                   GError                    **error);

/* Schedule proposals as ordinary moves (pathways_planner_schedule_move(),
 * the checks of the Schedule Move dialog), all in one undoable action;
 * a warning needs @accepted_warnings, as in the dialog.  Proposals with
 * no unit are skipped. */
gboolean             pathways_plan_accept         (PathwaysStore              *store,
                                                   PathwaysPlan               *plan,
                                                   const PathwaysProposal    **proposals,
                                                   guint                       n_proposals,
                                                   gint64                      scheduled_by,
                                                   const char                 *accepted_warnings,
                                                   PathwaysChangeSet         **out_undo,
                                                   GError                    **error);

/* Turn a proposal down with a reason: stored (both backends), and the
 * next plan made with pathways_plan_run() never proposes that unit for
 * that young person again.  One undoable action. */
gboolean             pathways_plan_reject         (PathwaysStore              *store,
                                                   const PathwaysProposal     *proposal,
                                                   const char                 *reason,
                                                   PathwaysChangeSet         **out_undo,
                                                   GError                    **error);
/* Turn several down with one reason, in one undoable action; proposals
 * with no unit are skipped (an error if none has one) */
gboolean             pathways_plan_reject_many    (PathwaysStore              *store,
                                                   const PathwaysProposal    **proposals,
                                                   guint                       n_proposals,
                                                   const char                 *reason,
                                                   PathwaysChangeSet         **out_undo,
                                                   GError                    **error);
/* "PERSON:UNIT" → reason, for PathwaysPlanOptions.rejected */
GHashTable          *pathways_plan_load_rejections (PathwaysStore             *store,
                                                   GError                    **error);

typedef enum {
  PATHWAYS_PLAN_FORMAT_TEXT,
  PATHWAYS_PLAN_FORMAT_CSV,
  PATHWAYS_PLAN_FORMAT_JSON,
} PathwaysPlanFormat;

char                *pathways_plan_format         (PathwaysPlan               *plan,
                                                   PathwaysPlan               *compared_with,
                                                   PathwaysPlanFormat          format);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysPlan, pathways_plan_free)

G_END_DECLS
