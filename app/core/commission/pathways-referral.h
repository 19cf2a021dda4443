/* pathways-referral.h — referrals to providers and the offers they make
 *
 * A provider is on a framework (approved list, DPS, block contract or
 * spot purchase) and offers some kinds of provision.  A referral for a
 * young person goes to chosen providers (those offering the kind asked
 * for are suggested); the referral pack says only what a provider needs
 * to know (wishes and feelings only when the PA chooses to share them;
 * never immigration details, notes, the home address or ethnicity).
 * Offers are recorded as they come back, compared against the rules
 * (eligibility from the rules module, distance from home, cost,
 * registration), and one is accepted: in one action, undoable as one,
 * the unit joins the register, the move is scheduled exactly as the
 * Schedule Move dialog schedules it (pathways_planner_schedule_move()),
 * the other offers are closed with a reason and the referral is placed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pathways-commission-entities.h"
#include "pathways-rules.h"
#include "pathways-store.h"

G_BEGIN_DECLS

/* Providers ---------------------------------------------------------- */

gboolean    pathways_provider_save            (PathwaysStore      *store,
                                               PathwaysProvider   *provider,
                                               PathwaysChangeSet **out_undo,
                                               GError            **error);
gboolean    pathways_provider_offers_kind     (PathwaysProvider   *provider,
                                               const char         *kind);
/* Providers offering @kind, block contracts first, then the approved
 * list, the DPS and spot purchase (element-type PathwaysProvider) */
GPtrArray  *pathways_referral_suggest_providers (PathwaysStore    *store,
                                               const char         *kind,
                                               GError            **error);

/* Referrals ---------------------------------------------------------- */

typedef struct {
  gint64        young_person_id;
  const char   *kind;             /* a provision kind */
  const char   *needed_by;        /* ISO */
  const gint64 *provider_ids;
  guint         n_providers;
  gboolean      include_wishes;   /* share the wishes and feelings text */
  const char   *risks;            /* what a provider must know to keep them safe */
  gint64        made_by;          /* staff id, or 0 */
} PathwaysReferralRequest;

gboolean    pathways_referral_make            (PathwaysStore                 *store,
                                               const PathwaysReferralRequest *request,
                                               gint64                        *out_referral_id,
                                               PathwaysChangeSet            **out_undo,
                                               GError                       **error);
gboolean    pathways_referral_close           (PathwaysStore      *store,
                                               gint64              referral_id,
                                               const char         *reason,
                                               PathwaysChangeSet **out_undo,
                                               GError            **error);
/* The provider ids a referral went to */
GArray     *pathways_referral_dup_provider_ids (PathwaysReferral  *referral);

/* The referral pack: label and value, in the order a referral form asks */
typedef struct {
  char *label;
  char *value;
} PathwaysPackField;

typedef struct {
  char      *title;
  GPtrArray *fields;     /* PathwaysPackField */
  GPtrArray *providers;  /* char*: the providers it goes to */
} PathwaysReferralPack;

PathwaysReferralPack *pathways_referral_pack_build (PathwaysStore  *store,
                                                    gint64          referral_id,
                                                    GError        **error);
char                 *pathways_referral_pack_to_text (PathwaysReferralPack *pack);
void                  pathways_referral_pack_free (PathwaysReferralPack *pack);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PathwaysReferralPack, pathways_referral_pack_free)

/* Offers -------------------------------------------------------------- */

/* Records an offer against an open referral from one of its providers
 * (referral-id, provider-id, unit-name, available-from needed) */
gboolean    pathways_offer_record             (PathwaysStore      *store,
                                               PathwaysOffer      *offer,
                                               PathwaysChangeSet **out_undo,
                                               GError            **error);

typedef struct {
  gint64           offer_id;
  char            *provider;
  char            *unit_name;
  char            *area;
  gint64           weekly_cost;
  char            *available_from;
  char            *state;
  PathwaysVerdict  verdict;
  char            *verdict_label;
  char            *reasons;      /* the rules' reasons, one sentence each */
  double           miles;        /* from home; -1: not known */
  char            *registration; /* a label */
  gboolean         cheapest;
} PathwaysOfferComparison;

/* Side by side (element-type PathwaysOfferComparison), in the order received */
GPtrArray  *pathways_offer_compare            (PathwaysStore      *store,
                                               gint64              referral_id,
                                               GError            **error);

/* Accepts @offer_id: the unit into the register, the move scheduled on
 * @move_date (NULL: the offer's date available, or the date needed if
 * later), the other open offers closed with @others_reason, the
 * referral placed.  One action, undone as one.  @accepted_warnings: why
 * to go ahead when the move has warnings (as in the dialog). */
gboolean    pathways_offer_accept             (PathwaysStore      *store,
                                               gint64              offer_id,
                                               const char         *move_date,
                                               const char         *accepted_warnings,
                                               const char         *others_reason,
                                               gint64             *out_transition_id,
                                               PathwaysChangeSet **out_undo,
                                               GError            **error);
gboolean    pathways_offer_close              (PathwaysStore      *store,
                                               gint64              offer_id,
                                               const char         *reason,
                                               PathwaysChangeSet **out_undo,
                                               GError            **error);

/* Time from referral to placement ----------------------------------- */

typedef struct {
  guint  made;
  guint  placed;
  guint  open;
  guint  closed;
  double mean_days;     /* over those placed; 0 when none */
  int    median_days;
  int    longest_days;
} PathwaysReferralTimes;

gboolean    pathways_referral_times           (PathwaysStore          *store,
                                               PathwaysReferralTimes  *out,
                                               GError                **error);

G_END_DECLS
