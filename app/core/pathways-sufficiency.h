/* pathways-sufficiency.h — has the service enough of the right places?
 *
 * The figures a leaving-care or commissioning manager reports
 * (shared/domain.md §6): the accommodation mix with in-house v external,
 * where young people live (inside the authority, more than 20 miles from
 * home), weekly costs by kind, the 18th-birthday cliff edge, demand
 * against supply by month for two years per pathway stage with the gap
 * a commissioner acts on, and the compliance lists.  Computed in one go
 * from a rules snapshot (pathways-snapshot.h) and a few more columns of
 * the store; the rules themselves stay in pathways-rules.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-rules.h"
#include "pathways-store.h"

G_BEGIN_DECLS

#define PATHWAYS_SUFFICIENCY_MONTHS 24
#define PATHWAYS_FAR_FROM_HOME_MILES 20.0

/* Kinds of accommodation as a manager reports them (seed 004 §5.8.3) */
typedef enum {
  PATHWAYS_MIX_FOSTERING_IN_HOUSE,
  PATHWAYS_MIX_FOSTERING_IFA,
  PATHWAYS_MIX_FOSTERING_KINSHIP,
  PATHWAYS_MIX_RESIDENTIAL_IN_HOUSE,
  PATHWAYS_MIX_RESIDENTIAL_EXTERNAL,
  PATHWAYS_MIX_SUPPORTED,
  PATHWAYS_MIX_STAYING_PUT,
  PATHWAYS_MIX_STAYING_CLOSE,
  PATHWAYS_MIX_COUNCIL,
  PATHWAYS_MIX_HOUSING_ASSOCIATION,
  PATHWAYS_MIX_PRIVATE_RENTED,
  PATHWAYS_MIX_INDEPENDENT_OTHER,
  PATHWAYS_MIX_EMERGENCY,
  PATHWAYS_MIX_OTHER,
  PATHWAYS_MIX_NONE,           /* no accommodation recorded */
  PATHWAYS_N_MIX_KINDS
} PathwaysMixKind;

/* The route planned from the 18th birthday */
typedef enum {
  PATHWAYS_ROUTE_STAYING_PUT,
  PATHWAYS_ROUTE_STAYING_CLOSE,
  PATHWAYS_ROUTE_SUPPORTED,
  PATHWAYS_ROUTE_MOVE_ON,
  PATHWAYS_ROUTE_OTHER,
  PATHWAYS_ROUTE_NONE,         /* none yet */
  PATHWAYS_N_ROUTES
} PathwaysRoute;

/* The compliance lists; each is one or two rules of the alerts engine */
typedef enum {
  PATHWAYS_COMPLIANCE_PLAN_OVERDUE,
  PATHWAYS_COMPLIANCE_CONTACT_OVERDUE,
  PATHWAYS_COMPLIANCE_EMERGENCY,
  PATHWAYS_COMPLIANCE_UNREGISTERED,
  PATHWAYS_COMPLIANCE_STAYING_PUT_ENDING,
  PATHWAYS_N_COMPLIANCE
} PathwaysCompliance;

/* The pathway stages demand and supply are forecast for */
#define PATHWAYS_N_FORECAST_STAGES 4
extern const PathwaysStage pathways_forecast_stages[PATHWAYS_N_FORECAST_STAGES];

/* The cliff-edge horizons, in months */
#define PATHWAYS_CLIFF_N_HORIZONS 3
extern const int pathways_cliff_horizons[PATHWAYS_CLIFF_N_HORIZONS];

typedef struct {
  int     count;
  int     in_house;
  int     external;
  int     provider_unknown;
  int     in_authority;
  int     out_of_authority;
  int     location_unknown;
  int     far;               /* more than 20 miles from home */
  int     near;
  int     distance_unknown;
  int     n_costed;          /* places with a weekly cost recorded */
  gint64  total_cost;        /* pence a week */
} PathwaysMixFigures;

typedef struct {
  PathwaysStage stage;
  int     demand;            /* over the 24 months */
  int     supply;
  int     shortfall;         /* the largest running shortfall, 0 if none */
  char   *shortfall_by;      /* ISO first day of the month it is reached */
  int     first_shortfall;   /* the running shortfall in the month it starts */
  char   *first_by;
} PathwaysGap;

typedef struct {
  PathwaysCompliance list;
  PathwaysSeverity   severity;
  gint64             person_id;
  char              *name;
  char              *local_id;
  char              *due;    /* ISO */
  char              *text;
} PathwaysComplianceItem;

typedef struct {
  char   *date;                 /* ISO: the day the figures are for */
  char   *authority_name;       /* NULL if the setting is empty */

  /* Who: every young person under 25 on the day */
  int     n_people;

  /* Accommodation mix, location and cost, by kind and in all */
  PathwaysMixFigures mix[PATHWAYS_N_MIX_KINDS];
  PathwaysMixFigures all;       /* everyone with accommodation recorded */

  /* Turning 18 within 3, 6, 12 months (cumulative) */
  int     cliff_total[PATHWAYS_CLIFF_N_HORIZONS];
  int     cliff_by_mix[PATHWAYS_N_MIX_KINDS][PATHWAYS_CLIFF_N_HORIZONS];
  int     cliff_by_route[PATHWAYS_N_ROUTES][PATHWAYS_CLIFF_N_HORIZONS];

  /* Demand and supply, month by month, per forecast stage (index into
   * pathways_forecast_stages) */
  char   *months[PATHWAYS_SUFFICIENCY_MONTHS];   /* ISO first day of each month */
  int     demand[PATHWAYS_N_FORECAST_STAGES][PATHWAYS_SUFFICIENCY_MONTHS];
  int     supply[PATHWAYS_N_FORECAST_STAGES][PATHWAYS_SUFFICIENCY_MONTHS];
  PathwaysGap gaps[PATHWAYS_N_FORECAST_STAGES];

  /* PathwaysComplianceItem*, worst first then soonest due */
  GPtrArray *compliance[PATHWAYS_N_COMPLIANCE];
} PathwaysSufficiency;

const char          *pathways_mix_kind_code          (PathwaysMixKind     kind);
const char          *pathways_mix_kind_label         (PathwaysMixKind     kind);
const char          *pathways_route_label            (PathwaysRoute       route);
const char          *pathways_compliance_label       (PathwaysCompliance  list);
const char          *pathways_compliance_description (PathwaysCompliance  list);

PathwaysSufficiency *pathways_sufficiency_compute    (PathwaysStore        *store,
                                                      const char           *on,
                                                      GError              **error);
void                 pathways_sufficiency_compute_async  (PathwaysStore       *store,
                                                          const char          *on,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
PathwaysSufficiency *pathways_sufficiency_compute_finish (PathwaysStore       *store,
                                                          GAsyncResult        *result,
                                                          GError             **error);
void                 pathways_sufficiency_free       (PathwaysSufficiency *self);

/* Derived figures */
double               pathways_sufficiency_percent    (int                  part,
                                                      int                  whole);
gint64               pathways_mix_figures_average_cost (const PathwaysMixFigures *figures);
/* "6 more move-on places needed by June 2027": %NULL when there is no gap */
char                *pathways_gap_describe           (const PathwaysGap   *gap);
/* "June 2027" */
char                *pathways_month_label            (const char          *iso_first_day);
/* "Jun 27", for chart axes */
char                *pathways_month_short_label      (const char          *iso_first_day);
/* The compliance list as a list model of PathwaysAlert */
GListModel          *pathways_sufficiency_compliance_model (PathwaysSufficiency *self,
                                                            PathwaysCompliance   list);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysSufficiency, pathways_sufficiency_free)

G_END_DECLS
