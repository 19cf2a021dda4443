/* pathways-rules.h — the rules of leaving care, in one place
 *
 * Care-leaver status, key dates, whether a unit is open to a young
 * person on a date, alerts and readiness.  Sources: shared/domain.md
 * §1–3 (Children Act 1989 as amended; CPPCR 2010; Care Leavers (England)
 * Regs 2010; Supported Accommodation (England) Regs 2023).  Local choices
 * (contact interval, readiness threshold, Staying Close scope …) are
 * settings in the store, read into PathwaysRuleSettings.
 *
 * The rules work on plain "facts" structs so that one young person and
 * two thousand are computed by the same code; pathways-snapshot.c loads
 * the facts from the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  PATHWAYS_CARE_STATUS_NONE,            /* not a care leaver */
  PATHWAYS_CARE_STATUS_LOOKED_AFTER,    /* looked after, not (yet) eligible */
  PATHWAYS_CARE_STATUS_ELIGIBLE,
  PATHWAYS_CARE_STATUS_RELEVANT,
  PATHWAYS_CARE_STATUS_FORMER_RELEVANT,
  PATHWAYS_CARE_STATUS_QUALIFYING,
} PathwaysCareStatus;

typedef enum {
  PATHWAYS_SEVERITY_INFO,
  PATHWAYS_SEVERITY_LOW,
  PATHWAYS_SEVERITY_MEDIUM,
  PATHWAYS_SEVERITY_HIGH,
} PathwaysSeverity;

typedef enum {
  PATHWAYS_VERDICT_ELIGIBLE,
  PATHWAYS_VERDICT_WARNINGS,
  PATHWAYS_VERDICT_NOT_ELIGIBLE,
} PathwaysVerdict;

/* Alert kinds: stable codes, also the rule an alert comes from */
#define PATHWAYS_ALERT_CLIFF_EDGE          "cliff-edge"
#define PATHWAYS_ALERT_NEEDS_ASSESSMENT    "needs-assessment-overdue"
#define PATHWAYS_ALERT_PLAN_REVIEW         "pathway-plan-review-overdue"
#define PATHWAYS_ALERT_CONTACT             "pa-contact-overdue"
#define PATHWAYS_ALERT_MILESTONE           "milestone-overdue"
#define PATHWAYS_ALERT_GAP                 "accommodation-gap"
#define PATHWAYS_ALERT_EMERGENCY           "emergency-accommodation"
#define PATHWAYS_ALERT_UNSUITABLE          "unsuitable-accommodation"
#define PATHWAYS_ALERT_UNREGISTERED        "unregistered-16-17"
#define PATHWAYS_ALERT_UNREGULATED_UNDER16 "unregulated-under-16"
#define PATHWAYS_ALERT_STAYING_PUT_ENDING  "staying-put-ending"
#define PATHWAYS_ALERT_AGE_ASSESSMENT      "age-assessment-pending"
#define PATHWAYS_ALERT_ARE_NO_HRA          "are-without-human-rights-assessment"
#define PATHWAYS_ALERT_DOUBLE_BOOKED       "unit-double-booked"
#define PATHWAYS_ALERT_INELIGIBLE_MOVE     "move-into-ineligible-unit"
#define PATHWAYS_ALERT_PA_OFFER            "pa-support-offer-due"

#define PATHWAYS_N_MILESTONE_CATEGORIES 8

typedef struct {
  char    *authority_name;
  char   **authority_areas;          /* NULL-terminated */
  int      contact_interval_days;
  int      readiness_threshold;      /* percent */
  double   readiness_weights[PATHWAYS_N_MILESTONE_CATEGORIES];  /* by vocab order */
  gboolean staying_close_all;        /* FALSE: residential care leavers only */
  gint64   suha_amount;              /* pence */
  int      emergency_max_working_days;
  GHashTable *bank_holidays;         /* ISO date set */
  GArray     *holiday_days;          /* PathwaysDay, sorted: those on a weekday */
} PathwaysRuleSettings;

typedef struct {
  gint64      id;
  gint64      person_id;
  gint64      unit_id;
  const char *accom;
  gboolean    suitable;
  const char *place;
  const char *start;
  const char *planned_end;
  const char *actual_end;
  const char *state;
  const char *address;   /* an address outside the register (shown, not used by the rules) */
} PathwaysSpellFacts;

typedef struct {
  gint64      id;
  const char *name;
  const char *kind;
  const char *area;
  gboolean    in_authority;
  const char *registration;
  const char *ofsted_urn;
  int         min_age;
  int         max_age;
  double      support_hours;
  const char *status;
  const char *status_from;
  const char *status_to;
  const char *status_reason;
  const char *retired_on;
  gint64      weekly_cost;  /* pence */
  GPtrArray  *spells;    /* PathwaysSpellFacts*, borrowed */
  /* What tells two units apart when their names look alike (shown, not
   * used by the rules) */
  const char *provider;
  const char *address;
  const char *postcode;
  int         bedrooms;
} PathwaysUnitFacts;

/* Education, employment or training (903 ACTIV) from a date */
typedef struct {
  gint64      person_id;
  const char *activ;
  const char *start;
  const char *end;       /* NULL: still */
} PathwaysActivityFacts;

typedef struct {
  gint64      id;
  gint64      person_id;
  gint64      from_spell_id;
  gint64      to_unit_id;
  gint64      to_spell_id;
  const char *planned_date;
  const char *state;
} PathwaysTransitionFacts;

/* A period looked after (an SSDA903 episode): [decom, dec), dec NULL
 * while it goes on */
typedef struct {
  gint64      id;
  gint64      person_id;
  const char *decom;
  const char *dec;
  const char *ls;
  const char *place;
  const char *rec;
  gboolean    needs_check;    /* made from typed figures: to be checked */
} PathwaysEpisodeFacts;

typedef struct {
  gint64      id;
  const char *name;             /* display name */
  const char *date_of_birth;
  gboolean    uasc;
  const char *immigration_status;
  const char *appeal_stage;
  const char *are_date;
  const char *age_assessment;
  const char *human_rights_assessment_date;
  const char *date_first_looked_after;
  gint64      days_since_14;
  gint64      days_since_16;
  const char *date_care_ended;
  const char *last_placement;
  gboolean    returned_home_6_months;
  gboolean    special_guardianship;
  gboolean    custody_or_hospital_at_16;
  const char *needs_assessment_date;
  const char *pathway_plan_review_date;
  const char *last_contact_date;
  gint64      pa_id;
  const char *preferred_area;
  GPtrArray  *spells;         /* PathwaysSpellFacts*, borrowed, by start date */
  GPtrArray  *transitions;    /* PathwaysTransitionFacts*, borrowed */
  /* Issue #12: a closed case, PA support after 21, EET.  last_contact_date
   * above is the latest contact that reached them (the snapshot sets it
   * from the contacts, see pathways_rules_contact_reached()). */
  const char *closed_on;
  const char *pa_support_after_21;    /* "requested", "declined" or NULL */
  const char *pa_support_offered_on;  /* the latest yearly offer */
  GPtrArray  *activities;     /* PathwaysActivityFacts*, borrowed, by start date */
  /* Milestones, aggregated */
  int         milestones_done[PATHWAYS_N_MILESTONE_CATEGORIES];
  int         milestones_total[PATHWAYS_N_MILESTONE_CATEGORIES];
  int         milestones_overdue;
  const char *first_overdue_name;
  const char *first_overdue_due;
  /* The care history (PathwaysEpisodeFacts*, borrowed, by DECOM): when
   * there is one, pathways_rules_care_history() derives the figures above
   * (days since 14 and 16, first looked after, care ended, last
   * placement, special guardianship, custody at 16) from it */
  GPtrArray  *episodes;
  gboolean    history_needs_check;       /* some episodes came from typed figures */
  const char *returned_home_on;          /* the day they went home (REC E4A/E4B), else NULL */
  gboolean    in_education_or_training;  /* extends qualifying duties to 25 */
} PathwaysPersonFacts;

/* What the episodes say, on a day (pathways_rules_care_history()) */
typedef struct {
  guint    n_episodes;
  gint64   days_since_14;       /* looked after since the 14th birthday, short breaks (LS V3/V4) left out */
  gint64   days_since_16;       /* … since the 16th birthday */
  char    *first_looked_after;  /* the first DECOM */
  char    *care_ended;          /* the last DEC, NULL while looked after */
  char    *last_placement;      /* PLACE of the last episode */
  char    *returned_home_on;    /* DEC of the last episode when it ended with a return home (E4A/E4B) */
  gboolean looked_after;        /* on the day */
  gboolean sgo_at_leaving;      /* the last episode ended with a special guardianship order (E45–E48) */
  gboolean custody_at_16;       /* care ended with a custodial sentence (E9) before the 16th birthday */
  gboolean needs_check;         /* made from typed figures */
} PathwaysCareHistory;

PathwaysCareHistory *pathways_rules_care_history    (const char                *date_of_birth,
                                                     GPtrArray                 *episodes,
                                                     const char                *on);
void                 pathways_care_history_free     (PathwaysCareHistory       *history);
/* Overwrites @person's care-history figures with @history's (strings
 * kept in @strings) */
void                 pathways_rules_apply_care_history (PathwaysPersonFacts       *person,
                                                        const PathwaysCareHistory *history,
                                                        GStringChunk              *strings);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysCareHistory, pathways_care_history_free)

typedef struct {
  PathwaysSeverity severity;
  char            *rule;
  char            *text;
} PathwaysReason;

typedef struct {
  PathwaysVerdict  verdict;
  GPtrArray       *reasons;  /* PathwaysReason*, blocking ones first */
} PathwaysEligibility;

typedef struct {
  char *birthday_16;
  char *birthday_18;
  char *birthday_21;
  char *birthday_25;
  char *needs_assessment_due;
  char *pathway_plan_review_due;   /* NULL when no plan is needed */
  char *staying_put_end;           /* NULL unless in Staying Put */
  char *universal_credit_from;     /* advance claim: 28 days before 18 */
  char *pa_support_end;            /* 21st birthday; to 25 on request */
  char *pa_support_end_on_request;
  GPtrArray *oc3_birthdays;        /* ISO dates: 17th–21st birthdays in this collection year */
  char *next_key_date;             /* the soonest of the above after the day */
  const char *next_key_date_label;
} PathwaysKeyDates;

/* Status */
const char          *pathways_care_status_label     (PathwaysCareStatus   status);
const char          *pathways_care_status_code      (PathwaysCareStatus   status);
PathwaysCareStatus   pathways_rules_care_status     (const PathwaysPersonFacts *person,
                                                     const char                *on,
                                                     char                     **explanation);
gboolean             pathways_care_status_has_pathway_plan (PathwaysCareStatus status);

/* Pathway stage, from the current accommodation (the caseload's filter) */
typedef enum {
  PATHWAYS_STAGE_OTHER,
  PATHWAYS_STAGE_LOOKED_AFTER,   /* foster or residential care placement */
  PATHWAYS_STAGE_SUPPORTED,      /* supported accommodation, lodgings, foyer */
  PATHWAYS_STAGE_STAYING_PUT,
  PATHWAYS_STAGE_STAYING_CLOSE,
  PATHWAYS_STAGE_MOVE_ON,        /* own tenancy: council, housing association, private */
  PATHWAYS_N_STAGES
} PathwaysStage;

PathwaysStage        pathways_rules_stage           (const char *unit_kind,
                                                     const char *accom,
                                                     const char *place);
const char          *pathways_stage_code            (PathwaysStage stage);
const char          *pathways_stage_label           (PathwaysStage stage);

/* Contacts, PA support after 21, EET (issue #12) */
gboolean             pathways_rules_contact_reached (const char                *kind);
gboolean             pathways_rules_is_closed       (const PathwaysPersonFacts *person,
                                                     const char                *on);
const char          *pathways_rules_activity_on     (const PathwaysPersonFacts *person,
                                                     const char                *on);
gboolean             pathways_rules_activ_is_education (const char             *activ);
gboolean             pathways_rules_pa_contact_owed (const PathwaysPersonFacts *person,
                                                     const char                *on);
char                *pathways_rules_pa_offer_due    (const PathwaysPersonFacts *person);

/* Dates */
PathwaysKeyDates    *pathways_rules_key_dates       (const PathwaysPersonFacts  *person,
                                                     GHashTable                 *units,
                                                     const char                 *on);
void                 pathways_key_dates_free        (PathwaysKeyDates           *dates);

typedef struct {
  const char *label;  /* translated */
  char       *date;   /* ISO */
} PathwaysKeyDate;

/* The key dates in date order, for a list: (element-type PathwaysKeyDate) */
GPtrArray           *pathways_key_dates_list        (const PathwaysKeyDates     *dates);
gboolean             pathways_rules_is_working_day  (const PathwaysRuleSettings *settings,
                                                     const char                 *date);
char                *pathways_rules_add_working_days (const PathwaysRuleSettings *settings,
                                                      const char                 *date,
                                                      int                         n);
int                  pathways_rules_working_days_between (const PathwaysRuleSettings *settings,
                                                          const char                 *from,
                                                          const char                 *to);

/* Accommodation */
const PathwaysSpellFacts *pathways_rules_spell_on   (const PathwaysPersonFacts *person,
                                                     const char                *date);
const PathwaysSpellFacts *pathways_rules_current_spell (const PathwaysPersonFacts *person);
gboolean             pathways_rules_spell_covers    (const PathwaysSpellFacts  *spell,
                                                     const char                *date);
PathwaysEligibility *pathways_rules_check_unit      (const PathwaysRuleSettings *settings,
                                                     const PathwaysPersonFacts  *person,
                                                     const PathwaysUnitFacts    *unit,
                                                     GHashTable                 *people,
                                                     const char                 *date,
                                                     gint64                      ignore_spell_id);
void                 pathways_eligibility_free      (PathwaysEligibility        *eligibility);
/* The one Staying Put household pathways_rules_check_unit() can find
 * eligible for @person on @date — the carers' household of their foster
 * placement on the eve of their 18th birthday — or 0 when it can find
 * none (no such placement): every other unit of kind "staying_put" is
 * refused or warned against ("staying-put-own-carers").  For callers that
 * check many households (the planner) and skip the others unchecked. */
gint64               pathways_rules_staying_put_household (const PathwaysPersonFacts *person,
                                                           const char                *date);
const char          *pathways_verdict_label         (PathwaysVerdict             verdict);

/* Alerts */
typedef struct {
  PathwaysSeverity  severity;
  const char       *kind;       /* PATHWAYS_ALERT_… */
  char             *due;        /* when it is or was due (ISO) */
  gint64            person_id;
  char             *text;       /* the reason, in plain English */
} PathwaysAlertFacts;

void                 pathways_rules_alerts_for      (const PathwaysRuleSettings *settings,
                                                     const PathwaysPersonFacts  *person,
                                                     GHashTable                 *units,
                                                     GHashTable                 *people,
                                                     const char                 *on,
                                                     GPtrArray                  *out_alerts);
void                 pathways_alert_facts_free      (PathwaysAlertFacts         *alert);

/* What a caseload row shows of the rules for one young person, from one
 * pass (pathways_rules_person_summary()) */
typedef struct {
  PathwaysCareStatus  status;
  char               *status_explanation;
  PathwaysKeyDates   *dates;
  int                 readiness;      /* percent, -1 for none */
  int                 alert_count;    /* information left out */
  int                 worst_alert;    /* a PathwaysSeverity; 0 without alerts */
} PathwaysPersonSummary;

void                 pathways_rules_person_summary  (const PathwaysRuleSettings *settings,
                                                     const PathwaysPersonFacts  *person,
                                                     GHashTable                 *units,
                                                     GHashTable                 *people,
                                                     const char                 *on,
                                                     PathwaysPersonSummary      *out);
void                 pathways_person_summary_clear  (PathwaysPersonSummary      *summary);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PathwaysPersonSummary, pathways_person_summary_clear)
const char          *pathways_severity_label        (PathwaysSeverity            severity);

/* Stock: is a unit free on a day, and from when */
gboolean             pathways_rules_unit_free_on    (const PathwaysUnitFacts    *unit,
                                                     const char                 *date);
gboolean             pathways_rules_unit_free_to_offer (const PathwaysUnitFacts *unit,
                                                        const char              *date);
char                *pathways_rules_unit_free_from  (const PathwaysUnitFacts    *unit,
                                                     const char                 *on);

/* Matching people and units, both ways: one score, with its reasons */
typedef struct {
  PathwaysVerdict  verdict;
  int              score;
  GPtrArray       *reasons;  /* PathwaysReason*: the rules' reasons, then why it fits */
  GString         *terms;    /* what the score is made of, a line a term: "+50 Needs somewhere to live now" */
} PathwaysMatch;

PathwaysMatch       *pathways_rules_match           (const PathwaysRuleSettings *settings,
                                                     const PathwaysPersonFacts  *person,
                                                     const PathwaysUnitFacts    *unit,
                                                     GHashTable                 *units,
                                                     GHashTable                 *people,
                                                     const char                 *date,
                                                     const char                 *today);
void                 pathways_match_free            (PathwaysMatch              *match);
char                *pathways_rules_need_date       (const PathwaysPersonFacts  *person,
                                                     GHashTable                 *units,
                                                     const char                 *today);

/* Why a young person needs a move (the planner's demand) */
typedef enum {
  PATHWAYS_NEED_NONE,
  PATHWAYS_NEED_NOWHERE,            /* nowhere, or emergency accommodation, now */
  PATHWAYS_NEED_TURNING_18,         /* a placement that ends at 18, nothing after it */
  PATHWAYS_NEED_STAYING_PUT_ENDS,   /* at 21 */
  PATHWAYS_NEED_PLACEMENT_ENDS,     /* the planned end of their accommodation */
  PATHWAYS_NEED_READY_TO_MOVE_ON,   /* supported accommodation, ready for a home of their own */
  PATHWAYS_NEED_OUTGROWS_PLANNED,   /* (the planner's own: the unit it proposed ends) */
} PathwaysNeedKind;

PathwaysNeedKind     pathways_rules_move_need       (const PathwaysRuleSettings *settings,
                                                     const PathwaysPersonFacts  *person,
                                                     GHashTable                 *units,
                                                     const char                 *today,
                                                     char                      **out_date);
const char          *pathways_need_kind_label       (PathwaysNeedKind            kind);
const char          *pathways_need_kind_code        (PathwaysNeedKind            kind);
char                *pathways_rules_stay_end        (const PathwaysPersonFacts  *person,
                                                     const PathwaysUnitFacts    *unit,
                                                     const char                 *date);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysMatch, pathways_match_free)

/* Readiness: weighted % of milestones done, or -1 when there are none */
int                  pathways_rules_readiness       (const PathwaysRuleSettings *settings,
                                                     const PathwaysPersonFacts  *person);

/* Settings */
PathwaysRuleSettings *pathways_rule_settings_new_from_table (GHashTable *settings,
                                                             GPtrArray  *bank_holidays);
void                 pathways_rule_settings_free    (PathwaysRuleSettings *settings);

/* Who may do what, by the role a team server signed them in with ("pa",
 * "housing", "manager", "admin"; NULL for the embedded database, where
 * one person may do everything).  The database enforces the same with
 * row-level security; this is for the UI to hide or disable, with a
 * reason, what would be refused. */
typedef enum {
  PATHWAYS_MAY_SEE_PEOPLE,        /* the caseload, the timeline, a young person's page */
  PATHWAYS_MAY_SEE_PRIVATE,       /* wishes and feelings, notes, milestones, immigration details */
  PATHWAYS_MAY_EDIT_PEOPLE,       /* a young person's record and their own records */
  PATHWAYS_MAY_SCHEDULE_MOVES,    /* moves and offers */
  PATHWAYS_MAY_EDIT_STOCK,        /* add, change and retire units */
  PATHWAYS_MAY_EDIT_REFERENCE,    /* staff, codes, settings of the authority */
  PATHWAYS_MAY_COMMISSION,        /* the placements budget, providers, I statements */
  PATHWAYS_MAY_ERASE,             /* erase a young person's records after the retention period */
} PathwaysPermission;

gboolean             pathways_role_may              (const char                 *role,
                                                     PathwaysPermission          what);
char                *pathways_role_dup_refusal      (const char                 *role,
                                                     PathwaysPermission          what);
const char          *pathways_role_label            (const char                 *role);

/* Retention (UK GDPR; local retention schedules for care leavers' records,
 * commonly to the 75th birthday): the first day a young person's records
 * may be erased, @years after their date of birth (ISO in, ISO out) */
char                *pathways_rules_retention_end   (const char                 *date_of_birth,
                                                     int                         years,
                                                     GError                    **error);

/* Whether a young person's records may be erased on @today (ISO): their
 * case is closed (@closed_on set) and the retention period has ended
 * (@retention_end, from pathways_rules_retention_end(), is today or past) */
gboolean             pathways_rules_may_erase_records (const char               *closed_on,
                                                     const char                 *retention_end,
                                                     const char                 *today);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysEligibility, pathways_eligibility_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysKeyDates, pathways_key_dates_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysRuleSettings, pathways_rule_settings_free)

G_END_DECLS
