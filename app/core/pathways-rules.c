/* pathways-rules.c — the rules of leaving care
 *
 * Every rule names its source in a comment and explains itself in a
 * sentence a personal adviser would write.  Dates are ISO strings, so
 * comparing them with strcmp() compares the days.
 *
 * Decisions recorded here (and tested):
 * - A person born on 29 February reaches each age on 1 March in a year
 *   that is not a leap year (pathways_date_birthday()).
 * - "Two working days" in emergency accommodation are counted from the
 *   day after arrival, skipping weekends and England and Wales bank
 *   holidays: someone placed on a Friday must have moved by the end of
 *   Tuesday, and is overdue from Wednesday.
 * - The 13 weeks for eligibility are the "days looked after since the
 *   14th birthday" recorded for the young person (≥ 91), with at least
 *   one of them after the 16th birthday.
 * - The needs assessment is due 3 months after the 16th birthday, or
 *   3 months after becoming eligible when that is later (taken as 13
 *   weeks after first being looked after, for those who came into care
 *   after 16).
 * - The pathway plan is reviewed 6 months after the last review, or on
 *   the first move of accommodation since it, whichever is sooner.
 * - Date arithmetic is bounded (pathways-format.h): a day that would fall
 *   after 31/12/9999 comes back as NULL, and here means "not within the
 *   calendar": a birthday after it never arrives, a horizon ("within 6
 *   months") past it takes in every day there is, a due date past it is
 *   not yet due.  Every such NULL is handled where it is made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-rules"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pathways-format.h"
#include "pathways-rules.h"
#include "pathways-settings.h"
#include "pathways-vocab.h"

/* Supported Accommodation (England) Regulations 2023: registration
 * required for 16–17 year olds from this day */
#define SUPPORTED_REGISTRATION_FROM "2023-10-28"
/* No looked-after child under 16 in unregulated accommodation from */
#define UNREGULATED_BAN_FROM "2021-09-09"

#define THIRTEEN_WEEKS 91

static const char *
intern_str (GStringChunk *strings,
                             const char   *s)
{
  return s ? g_string_chunk_insert_const (strings, s) : NULL;
}

static gboolean
str_in (const char        *s,
        const char * const *set)
{
  if (s == NULL)
    return FALSE;
  for (guint i = 0; set[i]; i++)
    if (g_str_equal (s, set[i]))
      return TRUE;
  return FALSE;
}

static const char * const foster_places[] = { "U1", "U2", "U3", "U4", "U5", "U6", NULL };
static const char * const residential_places[] = { "K1", "K2", "R1", NULL };
static const char * const supported_kinds[] = { "supported", "supported_lodgings", "foyer", NULL };
static const char * const tenancy_kinds[] = { "council", "housing_association", "private_rented", NULL };
static const char * const emergency_kinds[] = { "emergency", "bed_and_breakfast", NULL };

/* Status ------------------------------------------------------------- */

const char *
pathways_care_status_label (PathwaysCareStatus status)
{
  switch (status)
    {
    case PATHWAYS_CARE_STATUS_ELIGIBLE:
      return _("Eligible");
    case PATHWAYS_CARE_STATUS_RELEVANT:
      return _("Relevant");
    case PATHWAYS_CARE_STATUS_FORMER_RELEVANT:
      return _("Former relevant");
    case PATHWAYS_CARE_STATUS_QUALIFYING:
      return _("Qualifying");
    case PATHWAYS_CARE_STATUS_LOOKED_AFTER:
      return _("Looked after");
    case PATHWAYS_CARE_STATUS_NONE:
    default:
      return _("Not a care leaver");
    }
}

const char *
pathways_care_status_code (PathwaysCareStatus status)
{
  static const char * const codes[] = {
    "none", "looked-after", "eligible", "relevant", "former-relevant", "qualifying",
  };
  return codes[status];
}

/* Eligible, relevant and former relevant young people have a pathway plan */
gboolean
pathways_care_status_has_pathway_plan (PathwaysCareStatus status)
{
  return status == PATHWAYS_CARE_STATUS_ELIGIBLE || status == PATHWAYS_CARE_STATUS_RELEVANT ||
         status == PATHWAYS_CARE_STATUS_FORMER_RELEVANT;
}

static gboolean
looked_after_on (const PathwaysPersonFacts *p,
                 const char                *on)
{
  return p->date_first_looked_after != NULL && strcmp (p->date_first_looked_after, on) <= 0 &&
         (p->date_care_ended == NULL || strcmp (p->date_care_ended, on) > 0);
}

/* Children Act 1989 Sch 2 para 19B; CPPCR 2010 reg 40: 13 weeks looked
 * after since 14, including some time after 16 */
static gboolean
meets_thirteen_weeks (const PathwaysPersonFacts *p)
{
  return p->days_since_14 >= THIRTEEN_WEEKS && p->days_since_16 >= 1;
}

/* Reg 3(2) of the Care Leavers (England) Regulations 2010: in custody or
 * hospital on the 16th birthday, and looked after for 13 weeks since 14
 * before that */
static gboolean
custody_route (const PathwaysPersonFacts *p)
{
  return p->custody_or_hospital_at_16 && p->days_since_14 >= THIRTEEN_WEEKS;
}

/* The day a return home reached 6 months (reg 3(3) of the 2010
 * Regulations: a relevant child who has lived at home for a continuous
 * 6 months is no longer relevant), or NULL when there was none.  Without
 * the day they went home, the end of care stands for it; without that
 * either, it is taken as long past. */
static char *
home_six_months_on (const PathwaysPersonFacts *p)
{
  const char *from = p->returned_home_on ? p->returned_home_on : p->date_care_ended;

  if (!p->returned_home_6_months)
    return NULL;
  if (from == NULL)
    return g_strdup ("1900-01-01");
  return pathways_date_add_months (from, 6);
}

/* Qualifying duties (s.24, s.24B(3)): to 21, or to 25 while in education
 * or training */
static gboolean
qualifying_age (const PathwaysPersonFacts *p,
                int                        age)
{
  return age < 21 || (age < 25 && p->in_education_or_training);
}

/**
 * pathways_rules_care_status:
 * @explanation: (out) (optional): one sentence naming the rule
 *
 * The care-leaver status on @on, derived from the date of birth and the
 * care history (the episodes, pathways_rules_care_history()).  Nobody
 * types the label.  Sources (shared/domain.md §1.1):
 * - eligible: Children Act 1989 Sch 2 para 19B; CPPCR 2010 reg 40;
 * - relevant: s.23A; Care Leavers (England) Regulations 2010 reg 3 (in
 *   custody or hospital at 16, still with 13 weeks since 14; a return home
 *   for 6 months ends it, while 16 or 17);
 * - former relevant: s.23C(1) — relevant or eligible at 18, whatever
 *   happens after;
 * - qualifying: s.24(1A) (a special guardianship order made while looked
 *   after: never former relevant) and s.24(1B); duties to 21, or 25 in
 *   education or training.
 */
PathwaysCareStatus
pathways_rules_care_status (const PathwaysPersonFacts  *p,
                            const char                 *on,
                            char                      **explanation)
{
  int age = pathways_date_age_on (p->date_of_birth, on);
  gboolean in_care = looked_after_on (p, on);
  gboolean thirteen = meets_thirteen_weeks (p);
  gboolean custody = custody_route (p);
  g_autofree char *b18 = age >= 0 ? pathways_date_birthday (p->date_of_birth, 18) : NULL;
  g_autofree char *home_6m = home_six_months_on (p);
  PathwaysCareStatus status;
  char *why;

  if (age < 0)
    {
      /* A date of birth outside 1900–9999 (written by another tool) */
      status = PATHWAYS_CARE_STATUS_NONE;
      why = g_strdup (_("Not known: the date of birth is not a date Pathways can work with."));
    }
  else if (age < 16)
    {
      status = in_care ? PATHWAYS_CARE_STATUS_LOOKED_AFTER : PATHWAYS_CARE_STATUS_NONE;
      why = in_care ? g_strdup_printf (_("Looked after: leaving-care duties start at 16 (aged %d)."), age)
                    : g_strdup_printf (_("Not a care leaver: aged %d and not looked after."), age);
    }
  else if (age >= 25)
    {
      status = PATHWAYS_CARE_STATUS_NONE;
      why = g_strdup (_("Not a care leaver: leaving-care duties end at 25."));
    }
  else if (p->special_guardianship && !in_care)
    {
      /* s.24(1A): under a special guardianship order made while looked
       * after — qualifying, never former relevant, whatever the weeks */
      if (qualifying_age (p, age))
        {
          status = PATHWAYS_CARE_STATUS_QUALIFYING;
          why = g_strdup (_("Qualifying: left care under a special guardianship order, so not former relevant "
                            "(Children Act 1989 s.24(1A)); duties to 21, or 25 in education or training."));
        }
      else
        {
          status = PATHWAYS_CARE_STATUS_NONE;
          why = g_strdup_printf (_("Not a care leaver: qualifying duties after a special guardianship order end "
                                   "at 21 unless in education or training (aged %d; Children Act 1989 s.24B)."),
                                 age);
        }
    }
  else if (age < 18 && in_care)
    {
      if (thirteen)
        {
          status = PATHWAYS_CARE_STATUS_ELIGIBLE;
          why = g_strdup (_("Eligible: looked after for 13 weeks since turning 14, including after 16, "
                            "and still looked after."));
        }
      else
        {
          status = PATHWAYS_CARE_STATUS_LOOKED_AFTER;
          why = g_strdup_printf (_("Looked after but not yet eligible: %d of the 13 weeks since turning 14."),
                                 (int) (p->days_since_14 / 7));
        }
    }
  else if (age < 18)
    {
      if ((thirteen || custody) && home_6m != NULL && strcmp (on, home_6m) >= 0)
        {
          status = PATHWAYS_CARE_STATUS_QUALIFYING;
          why = g_strdup (_("Qualifying: was relevant but has lived at home for 6 months or more, which ends "
                            "relevant status at 16 or 17 (Care Leavers (England) Regulations 2010, reg 3(3))."));
        }
      else if (thirteen)
        {
          status = PATHWAYS_CARE_STATUS_RELEVANT;
          why = g_strdup (_("Relevant: was eligible and is no longer looked after."));
        }
      else if (custody)
        {
          status = PATHWAYS_CARE_STATUS_RELEVANT;
          why = g_strdup (_("Relevant: in custody or hospital on the 16th birthday after 13 weeks looked after "
                            "since turning 14 (Care Leavers (England) Regulations 2010, reg 3(2))."));
        }
      else if (p->days_since_16 > 0)
        {
          status = PATHWAYS_CARE_STATUS_QUALIFYING;
          why = g_strdup (_("Qualifying: looked after after turning 16, but for less than 13 weeks since 14."));
        }
      else if (p->custody_or_hospital_at_16)
        {
          status = PATHWAYS_CARE_STATUS_NONE;
          why = g_strdup (_("Not a care leaver: in custody or hospital on the 16th birthday, but looked after for "
                            "less than 13 weeks since turning 14 (Care Leavers (England) Regulations 2010, reg 3(2))."));
        }
      else
        {
          status = PATHWAYS_CARE_STATUS_NONE;
          why = g_strdup (_("Not a care leaver: not looked after since turning 16."));
        }
    }
  else /* 18 to 24 */
    {
      /* Relevance lost before 18 by a return home (reg 3(3)); after 18 a
       * return home changes nothing (s.23C) */
      gboolean lost_before_18 = home_6m != NULL && b18 != NULL && strcmp (home_6m, b18) <= 0;

      if ((thirteen || custody) && !lost_before_18)
        {
          status = PATHWAYS_CARE_STATUS_FORMER_RELEVANT;
          why = g_strdup_printf (_("Former relevant: was eligible and is now %d (Children Act 1989 s.23C)."), age);
        }
      else if ((thirteen || custody) && qualifying_age (p, age))
        {
          status = PATHWAYS_CARE_STATUS_QUALIFYING;
          why = g_strdup (_("Qualifying: was relevant but lived at home for 6 months or more before turning 18 "
                            "(Care Leavers (England) Regulations 2010, reg 3(3))."));
        }
      else if (p->days_since_16 > 0 && qualifying_age (p, age))
        {
          status = PATHWAYS_CARE_STATUS_QUALIFYING;
          why = g_strdup (_("Qualifying: looked after after turning 16, but for less than 13 weeks since 14."));
        }
      else if (p->days_since_16 > 0 || thirteen || custody)
        {
          status = PATHWAYS_CARE_STATUS_NONE;
          why = g_strdup_printf (_("Not a care leaver: qualifying status ends at 21 (aged %d) unless in "
                                   "education or training."), age);
        }
      else
        {
          status = PATHWAYS_CARE_STATUS_NONE;
          why = g_strdup (_("Not a care leaver: not looked after since turning 16."));
        }
    }

  if (explanation)
    *explanation = why;
  else
    g_free (why);
  return status;
}

/* Care history ------------------------------------------------------- */

/* Short breaks: "a series of pre-planned short-term placements" does not
 * count towards the 13 weeks (CPPCR 2010 reg 48; Children Act 1989
 * Sch 2 para 19B(3)(b)).  LS V3/V4 are those series in the 903. */
static gboolean
is_short_break (const PathwaysEpisodeFacts *e)
{
  return g_strcmp0 (e->ls, "V3") == 0 || g_strcmp0 (e->ls, "V4") == 0;
}

/* Days of [from, to) on or after @since (all ISO; NULL @since: none) */
static gint64
days_from (const char *from,
           const char *to,
           const char *since)
{
  const char *start;

  if (since == NULL)
    return 0;
  start = strcmp (from, since) > 0 ? from : since;
  if (strcmp (start, to) >= 0)
    return 0;
  return MAX (0, pathways_date_days_between (start, to));
}

/**
 * pathways_rules_care_history:
 * @episodes: (element-type PathwaysEpisodeFacts): by DECOM
 *
 * What the care history says on @on: the days looked after since the
 * 14th and 16th birthdays up to @on (an episode covers [DECOM, DEC); a
 * day not yet come is not counted; short breaks are left out), when care
 * began and ended, the last placement, and how it ended.  Someone born
 * on 29 February turns 14 and 16 on 1 March in other years
 * (pathways_date_birthday()).
 */
PathwaysCareHistory *
pathways_rules_care_history (const char *date_of_birth,
                             GPtrArray  *episodes,
                             const char *on)
{
  PathwaysCareHistory *h = g_new0 (PathwaysCareHistory, 1);
  g_autofree char *b14 = date_of_birth ? pathways_date_birthday (date_of_birth, 14) : NULL;
  g_autofree char *b16 = date_of_birth ? pathways_date_birthday (date_of_birth, 16) : NULL;
  g_autofree char *b18 = date_of_birth ? pathways_date_birthday (date_of_birth, 18) : NULL;
  g_autofree char *tomorrow = pathways_date_add_days (on, 1);
  const PathwaysEpisodeFacts *last = NULL;
  gboolean on_b16 = FALSE;

  for (guint i = 0; episodes && i < episodes->len; i++)
    {
      const PathwaysEpisodeFacts *e = g_ptr_array_index (episodes, i);
      const char *end;

      if (e->decom == NULL || strcmp (e->decom, on) > 0)
        continue;  /* not begun yet on the day */
      h->n_episodes++;
      h->needs_check |= e->needs_check;
      if (h->first_looked_after == NULL || strcmp (e->decom, h->first_looked_after) < 0)
        {
          g_free (h->first_looked_after);
          h->first_looked_after = g_strdup (e->decom);
        }
      if (last == NULL || strcmp (e->decom, last->decom) >= 0)
        last = e;

      /* Up to the end of the episode, or the end of the day asked about */
      end = e->dec;
      if (tomorrow != NULL && (end == NULL || strcmp (end, tomorrow) > 0))
        end = tomorrow;
      if (end == NULL)
        continue;  /* the day is 31/12/9999 */
      if (strcmp (e->decom, on) <= 0 && (e->dec == NULL || strcmp (e->dec, on) > 0))
        h->looked_after = TRUE;
      if (b16 != NULL && strcmp (e->decom, b16) <= 0 && (e->dec == NULL || strcmp (e->dec, b16) > 0))
        on_b16 = TRUE;
      if (is_short_break (e))
        continue;
      /* Only days as a child count (eligibility is reached before 18) */
      if (b18 != NULL && strcmp (end, b18) > 0)
        end = b18;
      h->days_since_14 += days_from (e->decom, end, b14);
      h->days_since_16 += days_from (e->decom, end, b16);
    }

  if (last != NULL)
    {
      h->last_placement = g_strdup (last->place);
      if (last->dec != NULL && strcmp (last->dec, on) <= 0)
        {
          h->care_ended = g_strdup (last->dec);
          h->looked_after = FALSE;
          h->sgo_at_leaving = last->rec != NULL && g_str_has_prefix (last->rec, "E4") &&
                              strlen (last->rec) == 3 && last->rec[2] >= '5' && last->rec[2] <= '8';
          if (g_strcmp0 (last->rec, "E4A") == 0 || g_strcmp0 (last->rec, "E4B") == 0)
            h->returned_home_on = g_strdup (last->dec);
          /* Sentenced to custody (E9) and so not looked after on the 16th birthday */
          h->custody_at_16 = g_strcmp0 (last->rec, "E9") == 0 && b16 != NULL &&
                             strcmp (last->dec, b16) <= 0 && !on_b16;
        }
    }
  return h;
}

void
pathways_care_history_free (PathwaysCareHistory *h)
{
  if (h == NULL)
    return;
  g_free (h->first_looked_after);
  g_free (h->care_ended);
  g_free (h->last_placement);
  g_free (h->returned_home_on);
  g_free (h);
}

/**
 * pathways_rules_apply_care_history:
 *
 * The figures the status rules read, from the episodes: nobody types
 * them.  The recorded facts that are not in a 903 episode (a return home
 * that lasted 6 months, an order made while looked after, custody or
 * hospital on the 16th birthday) are kept and added to.
 */
void
pathways_rules_apply_care_history (PathwaysPersonFacts       *p,
                                   const PathwaysCareHistory *h,
                                   GStringChunk              *strings)
{
  p->days_since_14 = h->days_since_14;
  p->days_since_16 = h->days_since_16;
  p->date_first_looked_after = intern_str (strings, h->first_looked_after);
  p->date_care_ended = intern_str (strings, h->care_ended);
  p->last_placement = intern_str (strings, h->last_placement);
  p->returned_home_on = intern_str (strings, h->returned_home_on);
  p->special_guardianship |= h->sgo_at_leaving;
  p->custody_or_hospital_at_16 |= h->custody_at_16;
  p->history_needs_check = h->needs_check;
}

/* Working days ------------------------------------------------------- */

gboolean
pathways_rules_is_working_day (const PathwaysRuleSettings *settings,
                               const char                 *date)
{
  PathwaysDay day;
  GDateWeekday wd;

  if (!pathways_day_from_iso (date, &day))
    return FALSE;
  wd = pathways_day_get_weekday (day);
  if (wd == G_DATE_SATURDAY || wd == G_DATE_SUNDAY)
    return FALSE;
  return settings->bank_holidays == NULL || !g_hash_table_contains (settings->bank_holidays, date);
}

/* Mondays to Fridays among days 1 … @day (day 1, 01/01/0001, was a Monday) */
static gint64
weekdays_upto (gint64 day)
{
  return day / 7 * 5 + MIN (day % 7, 5);
}

/* The first day whose weekdays_upto() reaches @count (≥ 1): a weekday */
static gint64
weekday_number (gint64 count)
{
  return 7 * ((count - 1) / 5) + (count - 1) % 5 + 1;
}

/* Bank holidays on a weekday among days … @day */
static gint64
holidays_upto (const PathwaysRuleSettings *settings,
               PathwaysDay                 day)
{
  const GArray *days = settings->holiday_days;
  guint lo = 0, hi = days ? days->len : 0;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (g_array_index (days, PathwaysDay, mid) <= day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/**
 * pathways_rules_add_working_days:
 *
 * Counted, not walked: any @n costs the same, and a day after 31/12/9999
 * is never reached.
 *
 * Returns: (nullable): the day on which @n working days after @date have
 * passed (@date itself for @n ≤ 0), or %NULL if @date is not a date or
 * that day would be after 31/12/9999
 */
char *
pathways_rules_add_working_days (const PathwaysRuleSettings *settings,
                                 const char                 *date,
                                 int                         n)
{
  PathwaysDay day;
  gint64 need = n;

  if (!pathways_day_from_iso (date, &day))
    return NULL;

  /* Step over @need weekdays, then over as many more as there were bank
   * holidays among them.  Each pass counts holidays the last did not, so
   * there are at most (holidays + 1) passes. */
  while (need > 0)
    {
      gint64 end = weekday_number (weekdays_upto (day) + need);

      if (end > PATHWAYS_DAY_LAST)
        return NULL;
      need = holidays_upto (settings, (PathwaysDay) end) - holidays_upto (settings, day);
      day = (PathwaysDay) end;
    }
  return pathways_day_to_iso (day);
}

/* Working days after @from up to and including @to (0 if @to is not after
 * @from, or either is not a date) */
int
pathways_rules_working_days_between (const PathwaysRuleSettings *settings,
                                     const char                 *from,
                                     const char                 *to)
{
  PathwaysDay a, b;

  if (!pathways_day_from_iso (from, &a) || !pathways_day_from_iso (to, &b) || b <= a)
    return 0;
  return (int) (weekdays_upto (b) - weekdays_upto (a) - (holidays_upto (settings, b) - holidays_upto (settings, a)));
}

/* Spells ------------------------------------------------------------- */

static const char *
spell_end (const PathwaysSpellFacts *s)
{
  if (g_str_equal (s->state, "ended"))
    return s->actual_end;
  return s->planned_end;
}

/* Does @spell hold the young person on @date?  The end day is the day of
 * the move, which belongs to the next spell. */
gboolean
pathways_rules_spell_covers (const PathwaysSpellFacts *spell,
                             const char               *date)
{
  const char *end = spell_end (spell);

  return strcmp (spell->start, date) <= 0 && (end == NULL || strcmp (end, date) > 0);
}

/**
 * pathways_rules_spell_on:
 *
 * Returns: (nullable): the spell the young person is in (or planned to be
 * in) on @date; the latest-starting one if several
 */
const PathwaysSpellFacts *
pathways_rules_spell_on (const PathwaysPersonFacts *person,
                         const char                *date)
{
  const PathwaysSpellFacts *found = NULL;

  for (guint i = 0; person->spells && i < person->spells->len; i++)
    {
      const PathwaysSpellFacts *s = g_ptr_array_index (person->spells, i);
      if (pathways_rules_spell_covers (s, date) && (found == NULL || strcmp (s->start, found->start) >= 0))
        found = s;
    }
  return found;
}

/**
 * pathways_rules_current_spell:
 *
 * Returns: (nullable): the young person's current spell, the
 *   latest-starting one if several (the last of them by start and id)
 */
const PathwaysSpellFacts *
pathways_rules_current_spell (const PathwaysPersonFacts *person)
{
  const PathwaysSpellFacts *found = NULL;

  for (guint i = 0; person->spells && i < person->spells->len; i++)
    {
      const PathwaysSpellFacts *s = g_ptr_array_index (person->spells, i);
      if (g_str_equal (s->state, "current") && (found == NULL || strcmp (s->start, found->start) >= 0))
        found = s;
    }
  return found;
}

/* Key dates ---------------------------------------------------------- */

void
pathways_key_dates_free (PathwaysKeyDates *d)
{
  if (d == NULL)
    return;
  g_free (d->birthday_16);
  g_free (d->birthday_18);
  g_free (d->birthday_21);
  g_free (d->birthday_25);
  g_free (d->needs_assessment_due);
  g_free (d->pathway_plan_review_due);
  g_free (d->staying_put_end);
  g_free (d->universal_credit_from);
  g_free (d->pa_support_end);
  g_free (d->pa_support_end_on_request);
  g_clear_pointer (&d->oc3_birthdays, g_ptr_array_unref);
  g_free (d->next_key_date);
  g_free (d);
}

static char *
needs_assessment_due (const PathwaysPersonFacts *p,
                      const char                *b16)
{
  /* CPPCR 2010 reg 42: within 3 months of the 16th birthday, or of
   * becoming eligible if later */
  if (b16 == NULL)
    return NULL;  /* 16 after the end of the calendar */
  if (p->date_first_looked_after != NULL && strcmp (p->date_first_looked_after, b16) > 0)
    {
      g_autofree char *eligible = pathways_date_add_days (p->date_first_looked_after, THIRTEEN_WEEKS);
      return pathways_date_add_months (eligible, 3);
    }
  return pathways_date_add_months (b16, 3);
}

static char *
plan_review_due (const PathwaysPersonFacts *p,
                 const char                *on,
                 const char                *na_due)
{
  const char *last = p->pathway_plan_review_date;
  g_autofree char *due = NULL;

  if (last == NULL)
    /* No review yet: the plan is due with the needs assessment */
    return g_strdup (p->needs_assessment_date ? p->needs_assessment_date : na_due);

  due = pathways_date_add_months (last, 6);
  /* Reviewed on a move: the first move since the last review, if sooner */
  for (guint i = 0; p->spells && i < p->spells->len; i++)
    {
      const PathwaysSpellFacts *s = g_ptr_array_index (p->spells, i);
      /* (no 6-monthly review within the calendar: due is NULL) */
      if (!g_str_equal (s->state, "planned") && strcmp (s->start, last) > 0 &&
          strcmp (s->start, on) <= 0 && (due == NULL || strcmp (s->start, due) < 0))
        {
          g_free (due);
          due = g_strdup (s->start);
        }
    }
  return g_steal_pointer (&due);
}

static gboolean
in_staying_put (const PathwaysSpellFacts *s,
                GHashTable               *units)
{
  const PathwaysUnitFacts *u;

  if (s == NULL)
    return FALSE;
  if (g_strcmp0 (s->accom, "Z") == 0)
    return TRUE;
  u = units && s->unit_id ? g_hash_table_lookup (units, &s->unit_id) : NULL;
  return u != NULL && g_str_equal (u->kind, "staying_put");
}

/* @label is untranslated (N_()): the one chosen is translated at the end */
static void
consider_next (PathwaysKeyDates *d,
               const char       *on,
               const char       *date,
               const char       *label)
{
  if (date == NULL || strcmp (date, on) <= 0)
    return;
  if (d->next_key_date == NULL || strcmp (date, d->next_key_date) < 0)
    {
      g_free (d->next_key_date);
      d->next_key_date = g_strdup (date);
      d->next_key_date_label = label;
    }
}

/* The key dates when the care status on @on is @status */
static PathwaysKeyDates *
key_dates_with_status (const PathwaysPersonFacts *p,
                       const char                *on,
                       PathwaysDay                on_day,
                       GHashTable                *units,
                       PathwaysCareStatus         status)
{
  PathwaysKeyDates *d = g_new0 (PathwaysKeyDates, 1);
  const char *dob = p->date_of_birth;
  char year_start_buf[16], year_end_buf[16];
  const char *year_start = NULL;
  const char *year_end = NULL;
  int month, year;

  d->birthday_16 = pathways_date_birthday (dob, 16);
  d->birthday_18 = pathways_date_birthday (dob, 18);
  d->birthday_21 = pathways_date_birthday (dob, 21);
  d->birthday_25 = pathways_date_birthday (dob, 25);
  d->needs_assessment_due = needs_assessment_due (p, d->birthday_16);
  if (pathways_care_status_has_pathway_plan (status))
    d->pathway_plan_review_due = plan_review_due (p, on, d->needs_assessment_due);
  if (in_staying_put (pathways_rules_current_spell (p), units))
    d->staying_put_end = g_strdup (d->birthday_21);
  /* Universal Credit: an advance claim up to 28 days before the 18th birthday */
  d->universal_credit_from = pathways_date_add_days (d->birthday_18, -28);
  /* Children and Social Work Act 2017 s.3: PA to 21, and to 25 on request */
  d->pa_support_end = g_strdup (d->birthday_21);
  d->pa_support_end_on_request = g_strdup (d->birthday_25);

  /* SSDA903 OC3: the 17th–21st birthdays in the collection year (1 April–31 March).
   * A year starting before 1900 or ending after 9999 is open at that end. */
  pathways_day_to_dmy (on_day, NULL, &month, &year);
  if (month < G_DATE_APRIL)
    year--;
  if (year >= 1900)
    {
      g_snprintf (year_start_buf, sizeof year_start_buf, "%04d-04-01", year);
      year_start = year_start_buf;
    }
  if (year + 1 <= 9999)
    {
      g_snprintf (year_end_buf, sizeof year_end_buf, "%04d-04-01", year + 1);
      year_end = year_end_buf;
    }
  d->oc3_birthdays = g_ptr_array_new_with_free_func (g_free);
  for (int age = 17; age <= 21; age++)
    {
      char *b = age == 18 ? g_strdup (d->birthday_18) : age == 21 ? g_strdup (d->birthday_21)
                                                                  : pathways_date_birthday (dob, age);
      if (b != NULL && (year_start == NULL || strcmp (b, year_start) >= 0) &&
          (year_end == NULL || strcmp (b, year_end) < 0))
        g_ptr_array_add (d->oc3_birthdays, b);
      else
        g_free (b);
    }

  consider_next (d, on, d->birthday_16, N_("16th birthday"));
  consider_next (d, on, d->birthday_18, N_("18th birthday"));
  consider_next (d, on, d->birthday_21, N_("21st birthday"));
  consider_next (d, on, d->birthday_25, N_("25th birthday"));
  if (p->needs_assessment_date == NULL && pathways_date_age_on (dob, on) < 25)
    consider_next (d, on, d->needs_assessment_due, N_("Needs assessment due"));
  consider_next (d, on, d->pathway_plan_review_due, N_("Pathway plan review"));
  consider_next (d, on, d->staying_put_end, N_("Staying Put ends"));
  consider_next (d, on, d->universal_credit_from, N_("Universal Credit advance claim"));
  /* (translated once, not each label considered) */
  if (d->next_key_date_label != NULL)
    d->next_key_date_label = _(d->next_key_date_label);

  return d;
}

static PathwaysKeyDates *
key_dates_full (const PathwaysPersonFacts *p,
                const char                *on,
                PathwaysDay                on_day,
                GHashTable                *units)
{
  return key_dates_with_status (p, on, on_day, units, pathways_rules_care_status (p, on, NULL));
}

/**
 * pathways_rules_key_dates:
 * @units: (nullable): the units by id (the snapshot's), so that a Staying
 *   Put household known only by its unit's kind has its end date, as the
 *   alerts see it; %NULL reads the spells' own codes alone
 *
 * Returns: (transfer full): the young person's key dates as seen on @on
 */
PathwaysKeyDates *
pathways_rules_key_dates (const PathwaysPersonFacts *person,
                          GHashTable                *units,
                          const char                *on)
{
  PathwaysDay on_day;

  g_return_val_if_fail (pathways_day_from_iso (on, &on_day), NULL);

  return key_dates_full (person, on, on_day, units);
}

/* Eligibility -------------------------------------------------------- */

static void
reason_free (gpointer data)
{
  PathwaysReason *r = data;

  g_free (r->rule);
  g_free (r->text);
  g_free (r);
}

static void
add_reason (PathwaysEligibility *e,
            PathwaysSeverity     severity,
            const char          *rule,
            char                *text)  /* takes */
{
  PathwaysReason *r = g_new0 (PathwaysReason, 1);

  r->severity = severity;
  r->rule = g_strdup (rule);
  r->text = text;
  g_ptr_array_add (e->reasons, r);
}

void
pathways_eligibility_free (PathwaysEligibility *e)
{
  if (e == NULL)
    return;
  g_ptr_array_unref (e->reasons);
  g_free (e);
}

const char *
pathways_verdict_label (PathwaysVerdict verdict)
{
  switch (verdict)
    {
    case PATHWAYS_VERDICT_ELIGIBLE:
      return _("Eligible");
    case PATHWAYS_VERDICT_WARNINGS:
      return _("Eligible with warnings");
    case PATHWAYS_VERDICT_NOT_ELIGIBLE:
    default:
      return _("Not eligible");
    }
}

static int
compare_reasons (gconstpointer a,
                 gconstpointer b)
{
  const PathwaysReason *x = *(PathwaysReason * const *) a;
  const PathwaysReason *y = *(PathwaysReason * const *) b;

  return (int) y->severity - (int) x->severity;
}

/* Was the young person in a foster placement the day before turning 18? */
static gboolean
foster_at_18 (const PathwaysPersonFacts *p,
              const char                *b18,
              const char                *date)
{
  g_autofree char *eve = pathways_date_add_days (b18, -1);
  const PathwaysSpellFacts *s = eve ? pathways_rules_spell_on (p, eve) : NULL;

  if (b18 == NULL)
    return FALSE;  /* 18 after the end of the calendar */
  if (s == NULL && strcmp (date, b18) < 0)
    s = pathways_rules_current_spell (p);
  if (s != NULL)
    return str_in (s->place, foster_places);
  /* No spell recorded then: fall back on the last placement */
  return str_in (p->last_placement, foster_places);
}

/* The unit (carers' household) of that foster placement, or 0 */
static gint64
foster_unit_at_18 (const PathwaysPersonFacts *p,
                   const char                *b18,
                   const char                *date)
{
  g_autofree char *eve = b18 ? pathways_date_add_days (b18, -1) : NULL;
  const PathwaysSpellFacts *s = eve ? pathways_rules_spell_on (p, eve) : NULL;

  if (s == NULL && b18 != NULL && strcmp (date, b18) < 0)
    s = pathways_rules_current_spell (p);
  return s != NULL ? s->unit_id : 0;
}

gint64
pathways_rules_staying_put_household (const PathwaysPersonFacts *p,
                                      const char                *date)
{
  g_autofree char *b18 = NULL;

  g_return_val_if_fail (p != NULL && date != NULL, 0);
  b18 = pathways_date_birthday (p->date_of_birth, 18);
  if (b18 == NULL || !foster_at_18 (p, b18, date))
    return 0;
  return foster_unit_at_18 (p, b18, date);
}

static gboolean
left_residential_care (const PathwaysPersonFacts *p)
{
  if (str_in (p->last_placement, residential_places))
    return TRUE;
  for (guint i = 0; p->spells && i < p->spells->len; i++)
    {
      const PathwaysSpellFacts *s = g_ptr_array_index (p->spells, i);
      if (str_in (s->place, residential_places))
        return TRUE;
    }
  return FALSE;
}

static gboolean
unit_status_on (const PathwaysUnitFacts *u,
                const char              *status,
                const char              *date)
{
  return g_strcmp0 (u->status, status) == 0 &&
         (u->status_from == NULL || strcmp (u->status_from, date) <= 0) &&
         (u->status_to == NULL || strcmp (u->status_to, date) > 0);
}

/* Occupied by someone the leaving-care service does not support (a
 * general-needs tenant, a young person placed by another authority):
 * the status says so and no young person of ours lives there */
static gboolean
held_by_others (const PathwaysUnitFacts *u,
                const char              *date)
{
  if (!unit_status_on (u, "occupied", date))
    return FALSE;
  for (guint i = 0; u->spells && i < u->spells->len; i++)
    if (g_str_equal (((PathwaysSpellFacts *) g_ptr_array_index (u->spells, i))->state, "current"))
      return FALSE;
  return TRUE;
}

/**
 * pathways_rules_check_unit:
 * @people: (nullable): person id → PathwaysPersonFacts, to name who else
 *   is booked there
 * @ignore_spell_id: a spell not to count as a booking (the one being
 *   rescheduled), or 0
 *
 * Is @unit open to @person on @date?  "Not eligible" when a rule forbids
 * it, "eligible with warnings" when it is allowed but a person should
 * think twice; every reason is in words.
 */
PathwaysEligibility *
pathways_rules_check_unit (const PathwaysRuleSettings *settings,
                           const PathwaysPersonFacts  *p,
                           const PathwaysUnitFacts    *u,
                           GHashTable                 *people,
                           const char                 *date,
                           gint64                      ignore_spell_id)
{
  PathwaysEligibility *e;
  int age = pathways_date_age_on (p->date_of_birth, date);
  /* (made when a reason needs them: the planner asks this for thousands of pairs) */
  g_autofree char *uk_date_ = NULL;
#define uk_date (uk_date_ ? uk_date_ : (uk_date_ = pathways_date_format_uk (date)))
  gboolean blocked = FALSE, warned = FALSE;
  const char *kind = u->kind;

  g_return_val_if_fail (pathways_date_parse_iso (date, NULL), NULL);

  e = g_new0 (PathwaysEligibility, 1);
  e->reasons = g_ptr_array_new_with_free_func (reason_free);

  if (age < 0)
    /* A date of birth outside 1900–9999 (written by another tool) */
    add_reason (e, PATHWAYS_SEVERITY_HIGH, "date-of-birth",
                g_strdup (_("The date of birth is not a date Pathways can work with: correct it first.")));

  /* The unit itself on that day */
  if (u->retired_on != NULL && strcmp (u->retired_on, date) <= 0)
    {
      g_autofree char *when = pathways_date_format_uk (u->retired_on);
      add_reason (e, PATHWAYS_SEVERITY_HIGH, "unit-retired",
                  g_strdup_printf (_("This unit was retired on %s."), when));
    }
  if (unit_status_on (u, "offline", date))
    add_reason (e, PATHWAYS_SEVERITY_HIGH, "unit-offline",
                g_strdup_printf (_("This unit is offline on %s."), uk_date));
  if (unit_status_on (u, "void", date))
    {
      if (u->status_to != NULL)
        {
          g_autofree char *until = pathways_date_format_uk (u->status_to);
          add_reason (e, PATHWAYS_SEVERITY_HIGH, "unit-void",
                      g_strdup_printf (_("This unit is void until %s."), until));
        }
      else
        add_reason (e, PATHWAYS_SEVERITY_HIGH, "unit-void", g_strdup (_("This unit is void.")));
    }

  if (held_by_others (u, date))
    {
      if (u->status_to != NULL)
        {
          g_autofree char *until = pathways_date_format_uk (u->status_to);
          add_reason (e, PATHWAYS_SEVERITY_HIGH, "unit-let",
                      g_strdup_printf (_("Let to someone outside the leaving-care service until %s."), until));
        }
      else
        add_reason (e, PATHWAYS_SEVERITY_HIGH, "unit-let",
                    g_strdup (_("Let to someone outside the leaving-care service.")));
    }

  for (guint i = 0; u->spells && i < u->spells->len; i++)
    {
      const PathwaysSpellFacts *s = g_ptr_array_index (u->spells, i);
      const PathwaysPersonFacts *other;

      if (s->id == ignore_spell_id || s->person_id == p->id || !pathways_rules_spell_covers (s, date))
        continue;
      other = people ? g_hash_table_lookup (people, &s->person_id) : NULL;
      if (other != NULL)
        add_reason (e, PATHWAYS_SEVERITY_HIGH, "unit-booked",
                    g_strdup_printf (_("Already booked for %s on %s."), other->name, uk_date));
      else
        add_reason (e, PATHWAYS_SEVERITY_HIGH, "unit-booked",
                    g_strdup_printf (_("Already booked for another young person on %s."), uk_date));
      break;
    }

  /* Age */
  if (age < 0)
    ;  /* said above */
  else if (age < u->min_age || (u->max_age != 0 && age > u->max_age))
    {
      if (u->max_age != 0)
        add_reason (e, PATHWAYS_SEVERITY_HIGH, "unit-age-range",
                    g_strdup_printf (_("Aged %d on %s; this unit takes ages %d to %d."),
                                     age, uk_date, u->min_age, u->max_age));
      else
        add_reason (e, PATHWAYS_SEVERITY_HIGH, "unit-age-range",
                    g_strdup_printf (_("Aged %d on %s; this unit takes ages %d and over."),
                                     age, uk_date, u->min_age));
    }

  if (age < 0)
    ;
  else if (age < 16)
    /* Care Planning etc. (Amendment) Regs 2021: from 9 September 2021 */
    add_reason (e, PATHWAYS_SEVERITY_HIGH, "unregulated-under-16",
                g_strdup (_("No one under 16 may be placed in unregulated accommodation.")));
  else if (age < 18)
    {
      if (str_in (kind, tenancy_kinds))
        add_reason (e, PATHWAYS_SEVERITY_HIGH, "tenancy-from-18",
                    g_strdup (_("A tenancy of their own is only from 18.")));
      if (str_in (kind, supported_kinds) && strcmp (date, SUPPORTED_REGISTRATION_FROM) >= 0 &&
          (!str_in (u->registration, (const char *[]) { "registered", "applied", NULL }) ||
           u->ofsted_urn == NULL))
        /* Supported Accommodation (England) Regs 2023 */
        add_reason (e, PATHWAYS_SEVERITY_HIGH, "supported-registration",
                    g_strdup (_("Supported accommodation for 16 and 17 year olds must be registered "
                                "with Ofsted (with a URN) from 28/10/2023.")));
      if (str_in (kind, emergency_kinds))
        /* Not suitable at any age, and a 16 or 17 year old is never placed there */
        add_reason (e, PATHWAYS_SEVERITY_HIGH, "emergency-16-17",
                    g_strdup (_("Bed and breakfast and emergency accommodation are never used for 16 and "
                                "17 year olds.")));
      if (str_in (kind, supported_kinds) && u->support_hours <= 0)
        add_reason (e, PATHWAYS_SEVERITY_MEDIUM, "support-level",
                    g_strdup (_("No support hours for a 16 or 17 year old.")));
    }

  /* Staying Put: Children and Families Act 2014, s.23CZA */
  if (g_strcmp0 (kind, "staying_put") == 0)
    {
      g_autofree char *b18 = pathways_date_birthday (p->date_of_birth, 18);
      g_autofree char *b21 = pathways_date_birthday (p->date_of_birth, 21);
      g_autofree char *uk_b18 = pathways_date_format_uk (b18);
      g_autofree char *uk_b21 = pathways_date_format_uk (b21);

      if (b18 == NULL)
        add_reason (e, PATHWAYS_SEVERITY_HIGH, "staying-put-age", g_strdup (_("Staying Put starts at 18.")));
      else if (strcmp (date, b18) < 0)
        add_reason (e, PATHWAYS_SEVERITY_HIGH, "staying-put-age",
                    g_strdup_printf (_("Staying Put starts at 18 (%s)."), uk_b18));
      else if (b21 != NULL && strcmp (date, b21) >= 0)
        add_reason (e, PATHWAYS_SEVERITY_HIGH, "staying-put-age",
                    g_strdup_printf (_("Staying Put ends at 21 (%s)."), uk_b21));
      if (!foster_at_18 (p, b18, date))
        add_reason (e, PATHWAYS_SEVERITY_HIGH, "staying-put-foster",
                    g_strdup (_("Staying Put is only for young people in a foster placement on their "
                                "18th birthday.")));
      else
        {
          /* With their own former foster carers: the household of that placement */
          gint64 carers = foster_unit_at_18 (p, b18, date);
          if (carers != 0 && carers != u->id)
            add_reason (e, PATHWAYS_SEVERITY_HIGH, "staying-put-own-carers",
                        g_strdup (_("Staying Put is only with their own former foster carers, not another "
                                    "household.")));
          else if (carers == 0)
            add_reason (e, PATHWAYS_SEVERITY_MEDIUM, "staying-put-own-carers",
                        g_strdup (_("Their foster placement at 18 names no carers’ household: check these are "
                                    "their own former foster carers.")));
        }
    }

  /* Staying Close: for young people leaving residential children's homes
   * (widened by setting as the Children's Wellbeing and Schools Act 2026 commences) */
  if (g_strcmp0 (kind, "staying_close") == 0)
    {
      if (age < 18)
        add_reason (e, PATHWAYS_SEVERITY_HIGH, "staying-close-age",
                    g_strdup (_("Staying Close is from 18.")));
      if (!settings->staying_close_all && !left_residential_care (p))
        add_reason (e, PATHWAYS_SEVERITY_HIGH, "staying-close-residential",
                    g_strdup (_("Staying Close is for young people leaving residential children's homes.")));
    }

  /* Bed and breakfast for 16 and 17 year olds: never suitable, not even
   * in an emergency (Care Leavers (England) Regulations 2010 reg 9 and
   * Schedule 2; DfE/DLUHC guidance on 16 and 17 year olds who may be
   * homeless, 2018): it blocks the move */
  if (g_strcmp0 (kind, "bed_and_breakfast") == 0 && age >= 16 && age < 18)
    add_reason (e, PATHWAYS_SEVERITY_HIGH, "bed-and-breakfast-16-17",
                g_strdup (_("Bed and breakfast is never suitable for a 16 or 17 year old, not even in an "
                            "emergency (Care Leavers (England) Regulations 2010, Schedule 2).")));
  /* Bed and breakfast, emergency accommodation for adults: never
   * suitable; at most 2 working days (2015 transition guidance) */
  else if (str_in (kind, emergency_kinds))
    {
      g_autofree char *limit = pathways_rules_add_working_days (settings, date,
                                                                settings->emergency_max_working_days);
      g_autofree char *uk_limit = pathways_date_format_uk (limit);
      gboolean bnb = g_strcmp0 (kind, "bed_and_breakfast") == 0;
      int max = settings->emergency_max_working_days;

      if (limit == NULL)
        /* The limit falls after 31/12/9999 */
        add_reason (e, PATHWAYS_SEVERITY_MEDIUM, "emergency-limit",
                    bnb ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "Bed and breakfast is never suitable: only in an emergency, "
                                                        "and for at most %d working day.",
                                                        "Bed and breakfast is never suitable: only in an emergency, "
                                                        "and for at most %d working days.", max), max)
                        : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "Emergency accommodation only: for at most %d working day.",
                                                        "Emergency accommodation only: for at most %d working days.",
                                                        max), max));
      else
        add_reason (e, PATHWAYS_SEVERITY_MEDIUM, "emergency-limit",
                    bnb ? g_strdup_printf (_("Bed and breakfast is never suitable: only in an emergency, and "
                                             "they must move on by %s."), uk_limit)
                        : g_strdup_printf (_("Emergency accommodation only: they must move on by %s."), uk_limit));
    }

  /* Readiness for a home of their own */
  if (str_in (kind, tenancy_kinds))
    {
      int readiness = pathways_rules_readiness (settings, p);
      if (readiness >= 0 && readiness < settings->readiness_threshold)
        add_reason (e, PATHWAYS_SEVERITY_MEDIUM, "readiness",
                    g_strdup_printf (_("Readiness %d%% is below the %d%% agreed for moving on."),
                                     readiness, settings->readiness_threshold));
    }

  /* Sufficiency duty (s.22G): within the authority where practicable */
  if (!u->in_authority)
    add_reason (e, PATHWAYS_SEVERITY_INFO, "out-of-area",
                g_strdup (_("Outside the authority's area.")));

  g_ptr_array_sort (e->reasons, compare_reasons);
  for (guint i = 0; i < e->reasons->len; i++)
    {
      PathwaysReason *r = g_ptr_array_index (e->reasons, i);
      blocked |= r->severity == PATHWAYS_SEVERITY_HIGH;
      warned |= r->severity == PATHWAYS_SEVERITY_MEDIUM || r->severity == PATHWAYS_SEVERITY_LOW;
    }
  e->verdict = blocked ? PATHWAYS_VERDICT_NOT_ELIGIBLE
             : warned ? PATHWAYS_VERDICT_WARNINGS : PATHWAYS_VERDICT_ELIGIBLE;
  return e;
#undef uk_date
}

/* Readiness ---------------------------------------------------------- */

int
pathways_rules_readiness (const PathwaysRuleSettings *settings,
                          const PathwaysPersonFacts  *p)
{
  double done = 0, total = 0;

  for (guint c = 0; c < PATHWAYS_N_MILESTONE_CATEGORIES; c++)
    {
      done += settings->readiness_weights[c] * p->milestones_done[c];
      total += settings->readiness_weights[c] * p->milestones_total[c];
    }
  /* Weights are finite and not negative (pathways-settings.c); this also
   * holds for settings made by hand */
  if (!(total > 0) || !isfinite (total) || !isfinite (done))
    return -1;
  return (int) CLAMP (100.0 * done / total + 0.5, 0.0, 100.0);
}

/* Alerts ------------------------------------------------------------- */

void
pathways_alert_facts_free (PathwaysAlertFacts *alert)
{
  if (alert == NULL)
    return;
  g_free (alert->due);
  g_free (alert->text);
  g_free (alert);
}

const char *
pathways_severity_label (PathwaysSeverity severity)
{
  switch (severity)
    {
    case PATHWAYS_SEVERITY_HIGH:
      return _("High");
    case PATHWAYS_SEVERITY_MEDIUM:
      return _("Medium");
    case PATHWAYS_SEVERITY_LOW:
      return _("Low");
    case PATHWAYS_SEVERITY_INFO:
    default:
      return _("Information");
    }
}

/* Where the alerts go: into a list, or only counted (for the caseload,
 * which shows how many and the worst, and so makes no text) */
typedef struct {
  GPtrArray *alerts;   /* PathwaysAlertFacts*, or NULL */
  int        count;    /* information left out */
  int        worst;    /* a PathwaysSeverity */
} AlertSink;

static void
add_alert (GPtrArray                 *out,
           const PathwaysPersonFacts *p,
           PathwaysSeverity           severity,
           const char                *kind,
           const char                *due,
           char                      *text)  /* takes */
{
  PathwaysAlertFacts *a = g_new0 (PathwaysAlertFacts, 1);

  a->severity = severity;
  a->kind = kind;
  a->due = g_strdup (due);
  a->person_id = p->id;
  a->text = text;
  g_ptr_array_add (out, a);
}

static void
count_alert (AlertSink        *sink,
             PathwaysSeverity  severity)
{
  if (severity == PATHWAYS_SEVERITY_INFO)
    return;
  sink->count++;
  sink->worst = MAX (sink->worst, (int) severity);
}

/* A macro, so that an alert only counted makes no text: @text is not
 * evaluated then */
#define raise_alert(sink, p, severity, kind, due, text)                       \
  G_STMT_START {                                                              \
    AlertSink *sink_ = (sink);                                                \
    if (sink_->alerts != NULL)                                                \
      add_alert (sink_->alerts, (p), (severity), (kind), (due), (text));      \
    else                                                                      \
      count_alert (sink_, (severity));                                        \
  } G_STMT_END

/* Is there accommodation that carries on from the 18th birthday? */
static gboolean
has_accommodation_from_18 (const PathwaysPersonFacts *p,
                           GHashTable                *units,
                           const char                *b18)
{
  for (guint i = 0; p->spells && i < p->spells->len; i++)
    {
      const PathwaysSpellFacts *s = g_ptr_array_index (p->spells, i);
      const PathwaysUnitFacts *u;
      gboolean confirmed = g_str_equal (s->state, "current");

      if (g_str_equal (s->state, "ended") || !pathways_rules_spell_covers (s, b18))
        continue;
      /* A planned spell counts once its move is confirmed */
      for (guint k = 0; !confirmed && p->transitions && k < p->transitions->len; k++)
        {
          const PathwaysTransitionFacts *t = g_ptr_array_index (p->transitions, k);
          confirmed = t->to_spell_id == s->id && g_str_equal (t->state, "confirmed");
        }
      if (!confirmed)
        continue;
      u = s->unit_id ? g_hash_table_lookup (units, &s->unit_id) : NULL;
      if (u != NULL)
        {
          if (u->max_age == 0 || u->max_age >= 18)
            return TRUE;
        }
      else if (s->place == NULL && s->accom != NULL)
        return TRUE;  /* an address outside the register, as a care leaver */
    }
  return FALSE;
}

static gboolean
has_move_planned_after (const PathwaysPersonFacts *p,
                        const char                *start)
{
  for (guint i = 0; p->spells && i < p->spells->len; i++)
    {
      const PathwaysSpellFacts *s = g_ptr_array_index (p->spells, i);
      if (g_str_equal (s->state, "planned") && strcmp (s->start, start) >= 0)
        return TRUE;
    }
  for (guint i = 0; p->transitions && i < p->transitions->len; i++)
    {
      const PathwaysTransitionFacts *t = g_ptr_array_index (p->transitions, i);
      if ((g_str_equal (t->state, "confirmed") || g_str_equal (t->state, "proposed")) &&
          strcmp (t->planned_date, start) >= 0)
        return TRUE;
    }
  return FALSE;
}

static const PathwaysUnitFacts *
unit_of (GHashTable               *units,
         const PathwaysSpellFacts *s)
{
  return s && s->unit_id ? g_hash_table_lookup (units, &s->unit_id) : NULL;
}

static void
alerts_accommodation (const PathwaysRuleSettings *settings,
                      const PathwaysPersonFacts  *p,
                      GHashTable                 *units,
                      GHashTable                 *people,
                      const char                 *on,
                      int                         age,
                      AlertSink                  *out)
{
  const PathwaysSpellFacts *cur = pathways_rules_current_spell (p);
  const PathwaysUnitFacts *u = unit_of (units, cur);
  const char *kind = u ? u->kind : NULL;

  if (cur == NULL)
    return;

  /* B&B or emergency accommodation beyond 2 working days (2015 guidance) */
  if (g_strcmp0 (cur->accom, "W") == 0 || g_strcmp0 (cur->accom, "V") == 0 || str_in (kind, emergency_kinds))
    {
      gboolean bnb = g_strcmp0 (cur->accom, "W") == 0 || g_strcmp0 (kind, "bed_and_breakfast") == 0;
      int used = pathways_rules_working_days_between (settings, cur->start, on);
      g_autofree char *limit = pathways_rules_add_working_days (settings, cur->start,
                                                                settings->emergency_max_working_days);
      g_autofree char *uk_limit = pathways_date_format_uk (limit);
      g_autofree char *uk_start = pathways_date_format_uk (cur->start);

      if (limit == NULL)
        {
          /* The limit falls after 31/12/9999, so it has not passed */
          int max = settings->emergency_max_working_days;
          raise_alert (out, p, PATHWAYS_SEVERITY_MEDIUM, PATHWAYS_ALERT_EMERGENCY, on,
                 bnb ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "In bed and breakfast since %s: must move on within %d working day.",
                                                     "In bed and breakfast since %s: must move on within %d working days.",
                                                     max), uk_start, max)
                     : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "In emergency accommodation since %s: must move on within %d "
                                                     "working day.",
                                                     "In emergency accommodation since %s: must move on within %d "
                                                     "working days.", max), uk_start, max));
        }
      else if (used > settings->emergency_max_working_days)
        raise_alert (out, p, PATHWAYS_SEVERITY_HIGH, PATHWAYS_ALERT_EMERGENCY, limit,
               bnb ? g_strdup_printf (_("In bed and breakfast since %s: %d working days, over the limit "
                                        "of %d."), uk_start, used, settings->emergency_max_working_days)
                   : g_strdup_printf (_("In emergency accommodation since %s: %d working days, over the "
                                        "limit of %d."), uk_start, used, settings->emergency_max_working_days));
      else
        raise_alert (out, p, PATHWAYS_SEVERITY_MEDIUM, PATHWAYS_ALERT_EMERGENCY, limit,
               bnb ? g_strdup_printf (_("In bed and breakfast since %s: must move on by %s."), uk_start, uk_limit)
                   : g_strdup_printf (_("In emergency accommodation since %s: must move on by %s."),
                                      uk_start, uk_limit));
    }
  else if (!cur->suitable)
    raise_alert (out, p, PATHWAYS_SEVERITY_HIGH, PATHWAYS_ALERT_UNSUITABLE, cur->start,
           g_strdup (_("The current accommodation is recorded as unsuitable.")));

  /* 16–17 in unregistered supported accommodation (from 28/10/2023) */
  if (age >= 16 && age < 18 && strcmp (on, SUPPORTED_REGISTRATION_FROM) >= 0)
    {
      gboolean unregistered =
        (str_in (kind, supported_kinds) &&
         (!str_in (u->registration, (const char *[]) { "registered", "applied", NULL }) || u->ofsted_urn == NULL)) ||
        (u == NULL && str_in (cur->place, (const char *[]) { "P2", "H5", NULL }));

      if (unregistered)
        raise_alert (out, p, PATHWAYS_SEVERITY_HIGH, PATHWAYS_ALERT_UNREGISTERED, cur->start,
               g_strdup (_("Aged 16–17 in supported accommodation that is not registered with Ofsted.")));
    }

  /* Under 16 in unregulated accommodation (from 9/9/2021) */
  if (age < 16 && strcmp (on, UNREGULATED_BAN_FROM) >= 0 &&
      (u != NULL || str_in (cur->place, (const char *[]) { "P2", "H5", "K3", NULL })))
    raise_alert (out, p, PATHWAYS_SEVERITY_HIGH, PATHWAYS_ALERT_UNREGULATED_UNDER16, cur->start,
           g_strdup (_("Under 16 and living in unregulated accommodation.")));

  /* Staying Put ending within 6 months with no move-on planned */
  if (in_staying_put (cur, units))
    {
      g_autofree char *b21 = pathways_date_birthday (p->date_of_birth, 21);
      g_autofree char *horizon = pathways_date_add_months (on, 6);  /* NULL: past the calendar's end */
      g_autofree char *soon = pathways_date_add_months (on, 3);

      if (b21 != NULL && strcmp (b21, on) > 0 && (horizon == NULL || strcmp (b21, horizon) <= 0) &&
          !has_move_planned_after (p, cur->start))
        {
          g_autofree char *uk_b21 = pathways_date_format_uk (b21);
          raise_alert (out, p, soon == NULL || strcmp (b21, soon) <= 0 ? PATHWAYS_SEVERITY_HIGH
                                                                       : PATHWAYS_SEVERITY_MEDIUM,
                 PATHWAYS_ALERT_STAYING_PUT_ENDING, b21,
                 g_strdup_printf (_("Staying Put ends on %s and no move is planned."), uk_b21));
        }
    }

}

static void
alerts_double_booking (const PathwaysPersonFacts *p,
                       GHashTable                *units,
                       GHashTable                *people,
                       AlertSink                 *out)
{
  /* A unit booked for two people at once */
  for (guint i = 0; p->spells && i < p->spells->len; i++)
    {
      const PathwaysSpellFacts *mine = g_ptr_array_index (p->spells, i);
      const PathwaysUnitFacts *mu = unit_of (units, mine);

      if (mu == NULL || g_str_equal (mine->state, "ended"))
        continue;
      for (guint k = 0; mu->spells && k < mu->spells->len; k++)
        {
          const PathwaysSpellFacts *theirs = g_ptr_array_index (mu->spells, k);
          const char *my_end = spell_end (mine), *their_end = spell_end (theirs);
          const PathwaysPersonFacts *other;
          g_autofree char *from = NULL;

          if (theirs->person_id == p->id || g_str_equal (theirs->state, "ended"))
            continue;
          if ((my_end != NULL && strcmp (my_end, theirs->start) <= 0) ||
              (their_end != NULL && strcmp (their_end, mine->start) <= 0))
            continue;
          other = people ? g_hash_table_lookup (people, &theirs->person_id) : NULL;
          from = pathways_date_format_uk (strcmp (mine->start, theirs->start) > 0 ? mine->start : theirs->start);
          raise_alert (out, p, PATHWAYS_SEVERITY_HIGH, PATHWAYS_ALERT_DOUBLE_BOOKED,
                 strcmp (mine->start, theirs->start) > 0 ? mine->start : theirs->start,
                 other ? g_strdup_printf (_("%s is also booked for %s from %s."), mu->name, other->name, from)
                       : g_strdup_printf (_("%s is booked for two young people from %s."), mu->name, from));
          break;
        }
    }
}

/* Contacts, PA support after 21, EET (issue #12) -------------------- */

/**
 * pathways_rules_contact_reached:
 * @kind: a PATHWAYS_VOCAB_CONTACT_KIND code
 *
 * Returns: whether a contact of this kind reached the young person (and
 * so counts as keeping in touch); an attempt does not
 */
gboolean
pathways_rules_contact_reached (const char *kind)
{
  return g_strcmp0 (pathways_vocab_extra (PATHWAYS_VOCAB_CONTACT_KIND, kind), "1") == 0;
}

/**
 * pathways_rules_is_closed:
 *
 * Returns: whether the young person's case is closed on @on (from the
 * day it was closed)
 */
gboolean
pathways_rules_is_closed (const PathwaysPersonFacts *p,
                          const char                *on)
{
  return p->closed_on != NULL && strcmp (p->closed_on, on) <= 0;
}

/**
 * pathways_rules_activity_on:
 *
 * Returns: (nullable): the 903 ACTIV code of what the young person does
 * on @on: the latest recorded activity started by then and not ended
 * before it
 */
const char *
pathways_rules_activity_on (const PathwaysPersonFacts *p,
                            const char                *on)
{
  const char *found = NULL;

  for (guint i = 0; p->activities != NULL && i < p->activities->len; i++)
    {
      const PathwaysActivityFacts *a = g_ptr_array_index (p->activities, i);

      if (strcmp (a->start, on) <= 0 && (a->end == NULL || strcmp (a->end, on) >= 0))
        found = a->activ;
    }
  return found;
}

/**
 * pathways_rules_activ_is_education:
 *
 * Returns: whether an ACTIV code is education or training in the sense
 * of s.23CA of the Children Act 1989 (higher and other education, full
 * or part time, and apprenticeships: F1/P1, F2/P2, F4/P4), which keeps
 * the duties going past 21 to the end of the course
 */
gboolean
pathways_rules_activ_is_education (const char *activ)
{
  static const char * const education[] = { "F1", "P1", "F2", "P2", "F4", "P4", NULL };

  return activ != NULL && g_strv_contains (education, activ);
}

/**
 * pathways_rules_pa_contact_owed:
 *
 * Returns: whether the personal adviser must keep in touch on @on: to
 * 21 always; from 21 to 25 only for a young person who asked for PA
 * support (Children Act 1989 s.23CZB) or who is in education or
 * training (s.23CA)
 */
gboolean
pathways_rules_pa_contact_owed (const PathwaysPersonFacts *p,
                                const char                *on)
{
  int age = pathways_date_age_on (p->date_of_birth, on);

  if (age < 21)
    return TRUE;
  if (age >= 25)
    return FALSE;
  return g_strcmp0 (p->pa_support_after_21, "requested") == 0 ||
         pathways_rules_activ_is_education (pathways_rules_activity_on (p, on));
}

/**
 * pathways_rules_pa_offer_due:
 *
 * Returns: (nullable): when PA support after 21 is next to be offered:
 * the 21st birthday, then a year after the latest offer recorded
 */
char *
pathways_rules_pa_offer_due (const PathwaysPersonFacts *p)
{
  g_autofree char *b21 = pathways_date_birthday (p->date_of_birth, 21);
  g_autofree char *next = NULL;

  if (b21 == NULL)
    return NULL;
  if (p->pa_support_offered_on == NULL || strcmp (p->pa_support_offered_on, b21) < 0)
    return g_steal_pointer (&b21);
  next = pathways_date_add_months (p->pa_support_offered_on, 12);
  return g_steal_pointer (&next);
}

/* Does the young person get alerts on @on at all?  Not over 25, nor
 * without a date of birth the rules can work with, nor a closed case */
static gboolean
has_alerts (const PathwaysPersonFacts *p,
            const char                *on,
            int                        age)
{
  return !(age >= 25 || age < 0 || pathways_rules_is_closed (p, on));
}

/* The alerts of one young person whose care status and key dates on @on
 * are @status and @dates */
static void
alerts_with (const PathwaysRuleSettings *settings,
             const PathwaysPersonFacts  *p,
             GHashTable                 *units,
             GHashTable                 *people,
             const char                 *on,
             int                         age,
             PathwaysCareStatus          status,
             const PathwaysKeyDates     *dates,
             AlertSink                  *out)
{
  const char *b18 = dates->birthday_18;  /* NULL: 18 after the end of the calendar */

  /* The cliff edge: turning 18 within 6 months with nothing confirmed from the birthday */
  if (age < 18 && b18 != NULL)
    {
      g_autofree char *horizon = pathways_date_add_months (on, 6);  /* NULL: past the calendar's end */
      g_autofree char *soon = pathways_date_add_months (on, 3);

      if ((horizon == NULL || strcmp (b18, horizon) <= 0) && !has_accommodation_from_18 (p, units, b18))
        {
          g_autofree char *uk = pathways_date_format_uk (b18);
          raise_alert (out, p, soon == NULL || strcmp (b18, soon) <= 0 ? PATHWAYS_SEVERITY_HIGH
                                                                       : PATHWAYS_SEVERITY_MEDIUM,
                 PATHWAYS_ALERT_CLIFF_EDGE, b18,
                 g_strdup_printf (_("Turns 18 on %s with no accommodation confirmed from that day."), uk));
        }
    }

  /* Needs assessment: CPPCR 2010 reg 42.  From 18 the pathway plan
   * review carries the duty, so the alert stops at 18. */
  if (age >= 16 && age < 18 && status != PATHWAYS_CARE_STATUS_NONE && p->needs_assessment_date == NULL &&
      dates->needs_assessment_due != NULL && strcmp (dates->needs_assessment_due, on) < 0)
    {
      g_autofree char *uk = pathways_date_format_uk (dates->needs_assessment_due);
      raise_alert (out, p, PATHWAYS_SEVERITY_HIGH, PATHWAYS_ALERT_NEEDS_ASSESSMENT, dates->needs_assessment_due,
             g_strdup_printf (_("Needs assessment was due by %s and is not recorded."), uk));
    }

  /* Pathway plan review: at least every 6 months, and on a move */
  if (dates->pathway_plan_review_due != NULL && strcmp (dates->pathway_plan_review_due, on) < 0)
    {
      g_autofree char *uk = pathways_date_format_uk (dates->pathway_plan_review_due);
      g_autofree char *late = pathways_date_add_months (dates->pathway_plan_review_due, 3);
      raise_alert (out, p, late != NULL && strcmp (late, on) < 0 ? PATHWAYS_SEVERITY_HIGH : PATHWAYS_SEVERITY_MEDIUM,
             PATHWAYS_ALERT_PLAN_REVIEW, dates->pathway_plan_review_due,
             g_strdup_printf (_("Pathway plan review was due on %s."), uk));
    }

  /* PA contact: a local interval (default 8 weeks); from 21 only for
   * those who asked for a PA or are in education or training */
  if (pathways_care_status_has_pathway_plan (status) && age >= 16 && pathways_rules_pa_contact_owed (p, on))
    {
      if (p->last_contact_date == NULL)
        raise_alert (out, p, PATHWAYS_SEVERITY_MEDIUM, PATHWAYS_ALERT_CONTACT, on,
               g_strdup (_("No contact with their personal adviser is recorded.")));
      else
        {
          g_autofree char *due = pathways_date_add_days (p->last_contact_date, settings->contact_interval_days);
          /* (NULL: due after the end of the calendar, so not overdue) */
          if (due != NULL && strcmp (due, on) < 0)
            {
              g_autofree char *uk = pathways_date_format_uk (p->last_contact_date);
              raise_alert (out, p, PATHWAYS_SEVERITY_MEDIUM, PATHWAYS_ALERT_CONTACT, due,
                     g_strdup_printf (_("Last contact with their personal adviser was on %s, more than "
                                        "%d weeks ago."), uk, settings->contact_interval_days / 7));
            }
        }
    }

  /* PA support from 21 to 25 is owed on request (Children and Social
   * Work Act 2017 s.3, inserting s.23CZB into the Children Act 1989): the
   * authority offers it at 21 and at least once a year after to a former
   * relevant child who has not asked for it (or declined it) */
  if (status == PATHWAYS_CARE_STATUS_FORMER_RELEVANT && age >= 21 &&
      g_strcmp0 (p->pa_support_after_21, "requested") != 0)
    {
      g_autofree char *due = pathways_rules_pa_offer_due (p);

      if (due != NULL && strcmp (due, on) <= 0)
        {
          g_autofree char *uk = pathways_date_format_uk (due);
          raise_alert (out, p, PATHWAYS_SEVERITY_LOW, PATHWAYS_ALERT_PA_OFFER, due,
                       p->pa_support_offered_on == NULL
                       ? g_strdup_printf (_("Offer personal adviser support after 21: due on %s and no "
                                            "offer is recorded (Children Act 1989 s.23CZB)."), uk)
                       : g_strdup_printf (_("Offer personal adviser support again: the yearly offer was "
                                            "due on %s (Children Act 1989 s.23CZB)."), uk));
        }
    }

  /* Milestones */
  if (p->milestones_overdue > 0 && p->first_overdue_due != NULL)
    {
      g_autofree char *uk = pathways_date_format_uk (p->first_overdue_due);
      raise_alert (out, p, PATHWAYS_SEVERITY_LOW, PATHWAYS_ALERT_MILESTONE, p->first_overdue_due,
             g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%d milestone overdue: “%s” was due on %s.",
                                           "%d milestones overdue, the first “%s” due on %s.",
                                           p->milestones_overdue),
                              p->milestones_overdue, p->first_overdue_name, uk));
    }

  /* A gap: the last current or planned spell ends with nothing after it */
  {
    const PathwaysSpellFacts *last = NULL;

    for (guint i = 0; p->spells && i < p->spells->len; i++)
      {
        const PathwaysSpellFacts *s = g_ptr_array_index (p->spells, i);
        if (!g_str_equal (s->state, "ended") && (last == NULL || strcmp (s->start, last->start) >= 0))
          last = s;
      }
    if (last == NULL)
      raise_alert (out, p, PATHWAYS_SEVERITY_HIGH, PATHWAYS_ALERT_GAP, on,
             g_strdup (_("No current accommodation is recorded.")));
    else if (last->planned_end != NULL && !(age < 18 && g_strcmp0 (last->planned_end, b18) == 0) &&
             !has_move_planned_after (p, last->planned_end))
      {
        g_autofree char *uk = pathways_date_format_uk (last->planned_end);
        g_autofree char *soon = pathways_date_add_days (on, 28);  /* NULL: past the calendar's end */
        g_autofree char *later = pathways_date_add_months (on, 3);
        PathwaysSeverity sev = soon == NULL || strcmp (last->planned_end, soon) <= 0 ? PATHWAYS_SEVERITY_HIGH
                             : later == NULL || strcmp (last->planned_end, later) <= 0 ? PATHWAYS_SEVERITY_MEDIUM
                             : PATHWAYS_SEVERITY_LOW;
        raise_alert (out, p, sev, PATHWAYS_ALERT_GAP, last->planned_end,
               g_strdup_printf (_("Accommodation ends on %s with nothing planned after it."), uk));
      }
  }

  alerts_accommodation (settings, p, units, people, on, age, out);
  alerts_double_booking (p, units, people, out);

  /* Unaccompanied asylum-seeking young people */
  if (p->uasc)
    {
      if (g_strcmp0 (p->age_assessment, "pending") == 0)
        raise_alert (out, p, PATHWAYS_SEVERITY_MEDIUM, PATHWAYS_ALERT_AGE_ASSESSMENT, on,
               g_strdup (_("Age assessment pending.")));
      /* From 18 only: a child whose appeal rights are exhausted is still
       * looked after or relevant; the human rights assessment decides
       * support for an adult (Sch 3 Nationality, Immigration and Asylum
       * Act 2002) */
      if (age >= 18 &&
          (p->are_date != NULL || g_strcmp0 (p->appeal_stage, "exhausted") == 0 ||
           g_strcmp0 (p->immigration_status, "appeal_rights_exhausted") == 0) &&
          (p->human_rights_assessment_date == NULL ||
           (p->are_date != NULL && strcmp (p->human_rights_assessment_date, p->are_date) < 0)))
        {
          g_autofree char *uk = pathways_date_format_uk (p->are_date);
          raise_alert (out, p, PATHWAYS_SEVERITY_HIGH, PATHWAYS_ALERT_ARE_NO_HRA, p->are_date ? p->are_date : on,
                 p->are_date ? g_strdup_printf (_("Appeal rights exhausted on %s and no human rights "
                                                  "assessment is recorded (needed from 18: Nationality, "
                                                  "Immigration and Asylum Act 2002, Sch 3)."), uk)
                             : g_strdup (_("Appeal rights exhausted and no human rights assessment is recorded "
                                           "(needed from 18: Nationality, Immigration and Asylum Act 2002, "
                                           "Sch 3).")));
        }
    }

  /* A move scheduled into a unit the rules do not allow */
  for (guint i = 0; p->transitions && i < p->transitions->len; i++)
    {
      const PathwaysTransitionFacts *t = g_ptr_array_index (p->transitions, i);
      const PathwaysUnitFacts *to;
      g_autoptr(PathwaysEligibility) e = NULL;

      if (!(g_str_equal (t->state, "confirmed") || g_str_equal (t->state, "proposed")) ||
          t->to_unit_id == 0 || strcmp (t->planned_date, on) < 0 || !pathways_date_parse_iso (t->planned_date, NULL))
        continue;
      to = g_hash_table_lookup (units, &t->to_unit_id);
      if (to == NULL)
        continue;
      e = pathways_rules_check_unit (settings, p, to, people, t->planned_date, t->to_spell_id);
      if (e->verdict == PATHWAYS_VERDICT_NOT_ELIGIBLE)
        {
          g_autofree char *uk = pathways_date_format_uk (t->planned_date);
          const PathwaysReason *r = g_ptr_array_index (e->reasons, 0);
          raise_alert (out, p, PATHWAYS_SEVERITY_HIGH, PATHWAYS_ALERT_INELIGIBLE_MOVE, t->planned_date,
                 g_strdup_printf (_("The move to %s on %s is not allowed: %s"), to->name, uk, r->text));
        }
    }
}

void
pathways_rules_alerts_for (const PathwaysRuleSettings *settings,
                           const PathwaysPersonFacts  *p,
                           GHashTable                 *units,
                           GHashTable                 *people,
                           const char                 *on,
                           GPtrArray                  *out)
{
  int age = pathways_date_age_on (p->date_of_birth, on);
  PathwaysCareStatus status;
  g_autoptr(PathwaysKeyDates) dates = NULL;
  PathwaysDay on_day;

  g_return_if_fail (pathways_day_from_iso (on, &on_day));

  if (!has_alerts (p, on, age))
    return;
  status = pathways_rules_care_status (p, on, NULL);
  dates = key_dates_with_status (p, on, on_day, units, status);
  alerts_with (settings, p, units, people, on, age, status, dates, &(AlertSink) { out, 0, 0 });
}

/**
 * pathways_rules_person_summary:
 * @units: the units by id (the snapshot's)
 * @people: everyone's facts by id (the snapshot's)
 * @out: (out caller-allocates): cleared with pathways_person_summary_clear()
 *
 * What a young person's caseload row shows of the rules, in one pass:
 * the care status is worked out once for the status, the key dates and
 * the alerts, and the alerts are counted as pathways_rules_alerts_for()
 * raises them, without making their texts.
 */
void
pathways_rules_person_summary (const PathwaysRuleSettings *settings,
                               const PathwaysPersonFacts  *p,
                               GHashTable                 *units,
                               GHashTable                 *people,
                               const char                 *on,
                               PathwaysPersonSummary      *out)
{
  int age = pathways_date_age_on (p->date_of_birth, on);
  PathwaysDay on_day;

  memset (out, 0, sizeof *out);
  g_return_if_fail (pathways_day_from_iso (on, &on_day));

  out->status = pathways_rules_care_status (p, on, &out->status_explanation);
  out->dates = key_dates_with_status (p, on, on_day, units, out->status);
  out->readiness = pathways_rules_readiness (settings, p);
  if (has_alerts (p, on, age))
    {
      AlertSink counted = { NULL, 0, 0 };

      alerts_with (settings, p, units, people, on, age, out->status, out->dates, &counted);
      out->alert_count = counted.count;
      out->worst_alert = counted.worst;
    }
}

void
pathways_person_summary_clear (PathwaysPersonSummary *summary)
{
  g_clear_pointer (&summary->status_explanation, g_free);
  g_clear_pointer (&summary->dates, pathways_key_dates_free);
}

/* Settings ----------------------------------------------------------- */

/* A setting as the rules use it: the stored value if it is valid, else
 * the default (pathways-settings.c warns) */
static const char *
setting (GHashTable *table,
         const char *key)
{
  return pathways_setting_value_or_default (key, table ? g_hash_table_lookup (table, key) : NULL);
}

static int
int_setting (GHashTable *table,
             const char *key)
{
  return (int) pathways_setting_int_or_default (key, table ? g_hash_table_lookup (table, key) : NULL);
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  PathwaysDay x = *(const PathwaysDay *) a, y = *(const PathwaysDay *) b;

  return (x > y) - (x < y);
}

/**
 * pathways_rule_settings_new_from_table:
 * @settings: key → value, as in the store's setting table
 * @bank_holidays: (element-type utf8) (nullable): ISO dates
 */
PathwaysRuleSettings *
pathways_rule_settings_new_from_table (GHashTable *table,
                                       GPtrArray  *bank_holidays)
{
  PathwaysRuleSettings *s = g_new0 (PathwaysRuleSettings, 1);
  const char *areas = setting (table, "authority_areas");
  const char *weights = setting (table, "readiness_weights");
  g_autoptr(GError) error = NULL;

  s->authority_name = g_strdup (setting (table, "authority_name"));
  s->authority_areas = areas ? g_strsplit (areas, ";", -1) : g_new0 (char *, 1);
  s->contact_interval_days = int_setting (table, "contact_interval_days");
  s->readiness_threshold = int_setting (table, "readiness_threshold");
  s->staying_close_all = g_strcmp0 (setting (table, "staying_close_scope"), "all") == 0;
  s->suha_amount = pathways_setting_int_or_default ("suha_amount",
                                                    table ? g_hash_table_lookup (table, "suha_amount") : NULL);
  s->emergency_max_working_days = int_setting (table, "emergency_max_working_days");
  /* (already checked by setting(): a failure here is a bug) */
  if (!pathways_readiness_weights_parse (weights, s->readiness_weights, &error))
    g_critical ("Readiness weights: %s", error->message);

  s->bank_holidays = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  s->holiday_days = g_array_new (FALSE, FALSE, sizeof (PathwaysDay));
  for (guint i = 0; bank_holidays && i < bank_holidays->len; i++)
    {
      const char *iso = g_ptr_array_index (bank_holidays, i);
      PathwaysDay day;

      g_hash_table_add (s->bank_holidays, g_strdup (iso));
      /* For counting working days: the holidays on weekdays, once each */
      if (pathways_day_from_iso (iso, &day) && pathways_day_get_weekday (day) <= G_DATE_FRIDAY)
        g_array_append_val (s->holiday_days, day);
    }
  g_array_sort (s->holiday_days, compare_days);
  for (guint i = 1; i < s->holiday_days->len;)
    if (g_array_index (s->holiday_days, PathwaysDay, i) == g_array_index (s->holiday_days, PathwaysDay, i - 1))
      g_array_remove_index (s->holiday_days, i);
    else
      i++;

  return s;
}

void
pathways_rule_settings_free (PathwaysRuleSettings *s)
{
  if (s == NULL)
    return;
  g_free (s->authority_name);
  g_strfreev (s->authority_areas);
  g_clear_pointer (&s->bank_holidays, g_hash_table_unref);
  g_clear_pointer (&s->holiday_days, g_array_unref);
  g_free (s);
}

/* Stages ------------------------------------------------------------- */

PathwaysStage
pathways_rules_stage (const char *kind,
                      const char *accom,
                      const char *place)
{
  if (g_strcmp0 (kind, "staying_put") == 0 || g_strcmp0 (accom, "Z") == 0)
    return PATHWAYS_STAGE_STAYING_PUT;
  if (g_strcmp0 (kind, "staying_close") == 0)
    return PATHWAYS_STAGE_STAYING_CLOSE;
  if (str_in (kind, supported_kinds) || str_in (place, (const char *[]) { "K3", "H5", NULL }) ||
      str_in (accom, (const char *[]) { "D", "E", "T", NULL }))
    return PATHWAYS_STAGE_SUPPORTED;
  if (str_in (kind, tenancy_kinds) || g_strcmp0 (accom, "U") == 0)
    return PATHWAYS_STAGE_MOVE_ON;
  if (str_in (place, foster_places) || str_in (place, residential_places))
    return PATHWAYS_STAGE_LOOKED_AFTER;
  return PATHWAYS_STAGE_OTHER;
}

const char *
pathways_stage_code (PathwaysStage stage)
{
  static const char * const codes[] = {
    "other", "looked-after", "supported", "staying-put", "staying-close", "move-on",
  };
  g_return_val_if_fail (stage < PATHWAYS_N_STAGES, "other");
  return codes[stage];
}

const char *
pathways_stage_label (PathwaysStage stage)
{
  switch (stage)
    {
    case PATHWAYS_STAGE_LOOKED_AFTER:
      return _("In care");
    case PATHWAYS_STAGE_SUPPORTED:
      return _("Supported accommodation");
    case PATHWAYS_STAGE_STAYING_PUT:
      return _("Staying Put");
    case PATHWAYS_STAGE_STAYING_CLOSE:
      return _("Staying Close");
    case PATHWAYS_STAGE_MOVE_ON:
      return _("Move-on");
    case PATHWAYS_STAGE_OTHER:
    default:
      return _("Other");
    }
}

static void
key_date_free (gpointer data)
{
  PathwaysKeyDate *k = data;

  g_free (k->date);
  g_free (k);
}

static void
add_key_date (GPtrArray  *list,
              const char *label,
              const char *date)
{
  PathwaysKeyDate *k;

  if (date == NULL)
    return;
  k = g_new0 (PathwaysKeyDate, 1);
  k->label = label;
  k->date = g_strdup (date);
  g_ptr_array_add (list, k);
}

static int
compare_key_dates (gconstpointer a,
                   gconstpointer b)
{
  return strcmp ((*(PathwaysKeyDate * const *) a)->date, (*(PathwaysKeyDate * const *) b)->date);
}

GPtrArray *
pathways_key_dates_list (const PathwaysKeyDates *d)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (key_date_free);

  add_key_date (list, _("16th birthday"), d->birthday_16);
  add_key_date (list, _("Needs assessment due"), d->needs_assessment_due);
  add_key_date (list, _("Universal Credit: advance claim from"), d->universal_credit_from);
  add_key_date (list, _("18th birthday"), d->birthday_18);
  add_key_date (list, _("Next pathway plan review"), d->pathway_plan_review_due);
  add_key_date (list, _("Staying Put ends"), d->staying_put_end);
  add_key_date (list, _("21st birthday: PA support ends unless asked for"), d->pa_support_end);
  add_key_date (list, _("25th birthday: PA support ends"), d->birthday_25);
  for (guint i = 0; d->oc3_birthdays && i < d->oc3_birthdays->len; i++)
    add_key_date (list, _("903 OC3 return: birthday in this collection year"),
                  g_ptr_array_index (d->oc3_birthdays, i));
  g_ptr_array_sort (list, compare_key_dates);
  return list;
}

/* Stock and matching -------------------------------------------------- */

/**
 * pathways_rules_unit_free_on:
 *
 * Free on @date: not retired, not void or offline then, and nobody living
 * there or booked in (current, planned) on that day.
 */
gboolean
pathways_rules_unit_free_on (const PathwaysUnitFacts *u,
                             const char              *date)
{
  if (u->retired_on != NULL && strcmp (u->retired_on, date) <= 0)
    return FALSE;
  if (unit_status_on (u, "void", date) || unit_status_on (u, "offline", date) || held_by_others (u, date))
    return FALSE;
  for (guint i = 0; u->spells && i < u->spells->len; i++)
    {
      const PathwaysSpellFacts *s = g_ptr_array_index (u->spells, i);
      if (pathways_rules_spell_covers (s, date))
        return FALSE;
    }
  return TRUE;
}

/**
 * pathways_rules_unit_free_to_offer:
 *
 * The housing officer's "free on a date" answer: free on @date
 * (pathways_rules_unit_free_on()), and a place a care leaver could be
 * offered for a planned move then — not bed and breakfast or emergency
 * accommodation (never suitable for 16–17s, and for an emergency of two
 * working days at most after 18), not a Staying Put household (free only
 * for the young person fostered there, which the young person's page
 * ranks), and not reserved for a move already planned.
 */
gboolean
pathways_rules_unit_free_to_offer (const PathwaysUnitFacts *u,
                                   const char              *date)
{
  static const char *const not_offered[] = { "emergency", "bed_and_breakfast", "staying_put", NULL };

  if (u->kind != NULL && g_strv_contains (not_offered, u->kind))
    return FALSE;
  if (unit_status_on (u, "reserved", date))
    return FALSE;
  return pathways_rules_unit_free_on (u, date);
}

/**
 * pathways_rules_unit_free_from:
 *
 * Returns: (nullable): the first day from @on that the unit is free: @on
 * itself, the day a void or the last booking ends, or %NULL if it is
 * not expected to come free (offline with no end, retired, or occupied
 * with no planned end)
 */
char *
pathways_rules_unit_free_from (const PathwaysUnitFacts *u,
                               const char              *on)
{
  g_autofree char *day = g_strdup (on);

  /* Each pass jumps to the end of whatever holds the unit on @day */
  for (guint pass = 0; pass < 64; pass++)
    {
      const char *until = NULL;
      gboolean held = FALSE, open_ended = FALSE;

      if (u->retired_on != NULL && strcmp (u->retired_on, day) <= 0)
        return NULL;
      if (unit_status_on (u, "void", day) || unit_status_on (u, "offline", day) || held_by_others (u, day))
        {
          held = TRUE;
          if (u->status_to == NULL)
            open_ended = TRUE;
          else
            until = u->status_to;
        }
      for (guint i = 0; !open_ended && u->spells && i < u->spells->len; i++)
        {
          const PathwaysSpellFacts *s = g_ptr_array_index (u->spells, i);
          const char *end;

          if (!pathways_rules_spell_covers (s, day))
            continue;
          held = TRUE;
          end = spell_end (s);
          if (end == NULL)
            open_ended = TRUE;
          else if (until == NULL || strcmp (end, until) > 0)
            until = end;
        }
      if (!held)
        return g_steal_pointer (&day);
      if (open_ended || until == NULL)
        return NULL;
      g_free (day);
      day = g_strdup (until);
    }
  return NULL;
}

void
pathways_match_free (PathwaysMatch *m)
{
  if (m == NULL)
    return;
  g_ptr_array_unref (m->reasons);
  if (m->terms != NULL)
    g_string_free (m->terms, TRUE);
  g_free (m);
}

/**
 * pathways_rules_need_date:
 *
 * Returns: the day the young person next needs somewhere to live: today
 * if they have nowhere or are in emergency accommodation, else the day
 * their accommodation ends (18th birthday for a placement, Staying Put at
 * 21, a planned end), or today when nothing ends
 */
char *
pathways_rules_need_date (const PathwaysPersonFacts *p,
                          GHashTable                *units,
                          const char                *today)
{
  char *date = NULL;

  g_return_val_if_fail (pathways_date_parse_iso (today, NULL), NULL);

  if (pathways_rules_move_need (NULL, p, units, today, &date) == PATHWAYS_NEED_NONE)
    return g_strdup (today);
  return date;
}

/**
 * pathways_rules_move_need:
 * @settings: (nullable): for readiness; %NULL: readiness is not a need
 * @out_date: (out) (optional): the day of the need, unless
 *   %PATHWAYS_NEED_NONE
 *
 * Why and when the young person next needs a move (the planner's
 * demand): nowhere to live or emergency accommodation now; a placement
 * that ends at 18 with nothing after it; Staying Put ending at 21; the
 * planned end of their accommodation; or, in supported accommodation
 * from 18, readiness at or above the threshold (a move they may make).
 */
PathwaysNeedKind
pathways_rules_move_need (const PathwaysRuleSettings *settings,
                          const PathwaysPersonFacts  *p,
                          GHashTable                 *units,
                          const char                 *today,
                          char                      **out_date)
{
  const PathwaysSpellFacts *cur = pathways_rules_current_spell (p);
  const PathwaysUnitFacts *u = unit_of (units, cur);
  int age = pathways_date_age_on (p->date_of_birth, today);

  g_return_val_if_fail (pathways_date_parse_iso (today, NULL), PATHWAYS_NEED_NONE);

#define NEED(kind, date) G_STMT_START { \
    char *d_ = (date); \
    if (out_date) *out_date = d_; else g_free (d_); \
    return (kind); \
  } G_STMT_END

  if (out_date)
    *out_date = NULL;
  if (cur == NULL || str_in (cur->accom, (const char *[]) { "W", "V", "S", NULL }) ||
      str_in (u ? u->kind : NULL, emergency_kinds))
    NEED (PATHWAYS_NEED_NOWHERE, g_strdup (today));
  if (age < 18 && (cur->place != NULL || (u && u->max_age != 0 && u->max_age < 18)))
    {
      /* (NULL: 18 after the end of the calendar, so not a need) */
      char *b18 = pathways_date_birthday (p->date_of_birth, 18);
      if (b18 != NULL && !has_accommodation_from_18 (p, units, b18))
        NEED (PATHWAYS_NEED_TURNING_18, b18);
      g_free (b18);
    }
  if (in_staying_put (cur, units))
    {
      char *b21 = pathways_date_birthday (p->date_of_birth, 21);
      if (b21 != NULL)
        NEED (PATHWAYS_NEED_STAYING_PUT_ENDS, b21);
    }
  if (cur->planned_end != NULL && strcmp (cur->planned_end, today) > 0)
    NEED (PATHWAYS_NEED_PLACEMENT_ENDS, g_strdup (cur->planned_end));
  if (settings != NULL && age >= 18 && str_in (u ? u->kind : NULL, supported_kinds))
    {
      int readiness = pathways_rules_readiness (settings, p);
      if (readiness >= 0 && readiness >= settings->readiness_threshold)
        NEED (PATHWAYS_NEED_READY_TO_MOVE_ON, g_strdup (today));
    }
#undef NEED
  return PATHWAYS_NEED_NONE;
}

const char *
pathways_need_kind_label (PathwaysNeedKind kind)
{
  switch (kind)
    {
    case PATHWAYS_NEED_NOWHERE:
      return _("Nowhere settled to live");
    case PATHWAYS_NEED_TURNING_18:
      return _("Placement ends at 18");
    case PATHWAYS_NEED_STAYING_PUT_ENDS:
      return _("Staying Put ends at 21");
    case PATHWAYS_NEED_PLACEMENT_ENDS:
      return _("Accommodation ends");
    case PATHWAYS_NEED_READY_TO_MOVE_ON:
      return _("Ready to move on");
    case PATHWAYS_NEED_OUTGROWS_PLANNED:
      return _("Outgrows the planned unit");
    case PATHWAYS_NEED_NONE:
    default:
      return _("No move needed");
    }
}

const char *
pathways_need_kind_code (PathwaysNeedKind kind)
{
  static const char * const codes[] = {
    "none", "nowhere", "turning-18", "staying-put-ends", "placement-ends", "ready-to-move-on",
    "outgrows-planned",
  };
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (codes), "none");
  return codes[kind];
}

/**
 * pathways_rules_stay_end:
 *
 * Returns: (nullable): the day a young person who moves into @unit on
 * @date must leave it by the rules (they outgrow its age range; Staying
 * Put ends at 21), or %NULL if nothing ends their stay
 */
char *
pathways_rules_stay_end (const PathwaysPersonFacts *p,
                         const PathwaysUnitFacts   *u,
                         const char                *date)
{
  char *end = NULL;

  if (u->max_age != 0)
    end = pathways_date_birthday (p->date_of_birth, u->max_age + 1);
  if (g_strcmp0 (u->kind, "staying_put") == 0)
    {
      char *b21 = pathways_date_birthday (p->date_of_birth, 21);
      if (b21 != NULL && (end == NULL || strcmp (b21, end) < 0))
        {
          g_free (end);
          end = b21;
        }
      else
        g_free (b21);
    }
  if (end != NULL && strcmp (end, date) <= 0)
    g_clear_pointer (&end, g_free);
  return end;
}

/* One term of a match's score, for the explanation beside it */
static void
add_term (PathwaysMatch *m,
          int            points,
          const char    *what)
{
  if (points == 0)
    return;
  m->score += points;
  if (m->terms->len > 0)
    g_string_append_c (m->terms, '\n');
  /* Translators: a term of a match score: "+50 needs somewhere to live now" */
  g_string_append_printf (m->terms, _("%+d %s"), points, what);
}

/**
 * pathways_rules_match:
 * @date: the day the young person would move in
 *
 * How well @unit fits @person on @date: the rules' verdict (not
 * eligible always ranks last), and a score made of the young person's
 * need to move around then, their wishes (area), and their readiness,
 * every part of it given as a reason.  The stock page ranks people for
 * a unit with it, the young person's page ranks units.
 */
PathwaysMatch *
pathways_rules_match (const PathwaysRuleSettings *settings,
                      const PathwaysPersonFacts  *p,
                      const PathwaysUnitFacts    *u,
                      GHashTable                 *units,
                      GHashTable                 *people,
                      const char                 *date,
                      const char                 *today)
{
  PathwaysMatch *m;
  g_autoptr(PathwaysEligibility) e = NULL;
  g_autofree char *need = NULL;
  /* NULL: before the start or after the end of the calendar */
  g_autofree char *window_start = pathways_date_add_months (date, -2);
  g_autofree char *window_end = pathways_date_add_months (date, 2);
  const PathwaysSpellFacts *cur = pathways_rules_current_spell (p);
  const PathwaysUnitFacts *cu = unit_of (units, cur);
  int readiness = pathways_rules_readiness (settings, p);
  PathwaysEligibility fit = { 0 };

  g_return_val_if_fail (pathways_date_parse_iso (date, NULL), NULL);
  g_return_val_if_fail (pathways_date_parse_iso (today, NULL), NULL);

  m = g_new0 (PathwaysMatch, 1);
  m->terms = g_string_new (NULL);
  e = pathways_rules_check_unit (settings, p, u, people, date, 0);
  need = pathways_rules_need_date (p, units, today);
  m->verdict = e->verdict;
  m->reasons = g_steal_pointer (&e->reasons);
  e->reasons = g_ptr_array_new ();
  fit.reasons = m->reasons;

  if (m->verdict == PATHWAYS_VERDICT_NOT_ELIGIBLE)
    {
      m->score = -1000;
      return m;
    }

  /* Need */
  if (cur == NULL)
    {
      add_term (m, 50, _("needs somewhere to live now"));
      add_reason (&fit, PATHWAYS_SEVERITY_INFO, "need-nowhere", g_strdup (_("Needs somewhere to live now.")));
    }
  else if (str_in (cur->accom, (const char *[]) { "W", "V", NULL }) || str_in (cu ? cu->kind : NULL, emergency_kinds))
    {
      add_term (m, 50, _("in emergency accommodation now"));
      add_reason (&fit, PATHWAYS_SEVERITY_INFO, "need-emergency",
                  g_strdup (_("In emergency accommodation now.")));
    }
  else if ((window_start == NULL || strcmp (need, window_start) >= 0) &&
           (window_end == NULL || strcmp (need, window_end) <= 0) && strcmp (need, today) > 0 &&
           !has_move_planned_after (p, need))
    {
      g_autofree char *uk = pathways_date_format_uk (need);
      add_term (m, 40, _("their accommodation ends around then"));
      add_reason (&fit, PATHWAYS_SEVERITY_INFO, "need-ending",
                  g_strdup_printf (_("Needs to move around then: their accommodation ends on %s."), uk));
    }

  if (cur != NULL && str_in (u->kind, tenancy_kinds) && readiness >= settings->readiness_threshold &&
      (str_in (cu ? cu->kind : NULL, supported_kinds) || str_in (cur->place, (const char *[]) { "K3", "H5", NULL })))
    {
      add_term (m, 20, _("ready to move on from supported accommodation"));
      add_reason (&fit, PATHWAYS_SEVERITY_INFO, "need-ready",
                  g_strdup_printf (_("Ready to move on from supported accommodation (%d%%)."), readiness));
    }

  /* Already planned elsewhere */
  for (guint i = 0; p->transitions && i < p->transitions->len; i++)
    {
      const PathwaysTransitionFacts *t = g_ptr_array_index (p->transitions, i);
      if (g_str_equal (t->state, "confirmed") && t->to_unit_id != u->id)
        {
          g_autofree char *uk = pathways_date_format_uk (t->planned_date);
          add_term (m, -30, _("already has another move confirmed"));
          add_reason (&fit, PATHWAYS_SEVERITY_INFO, "already-planned",
                      g_strdup_printf (_("Already has a move confirmed for %s."), uk));
          break;
        }
    }

  /* Wishes */
  if (p->preferred_area != NULL && g_strcmp0 (p->preferred_area, u->area) == 0)
    {
      add_term (m, 15, _("in the area they want"));
      add_reason (&fit, PATHWAYS_SEVERITY_INFO, "wish-area",
                  g_strdup_printf (_("Wants to live in %s."), u->area));
    }
  if (u->in_authority)
    add_term (m, 5, _("inside the authority"));

  if (readiness > 0)
    add_term (m, readiness / 10, _("readiness for independence (a tenth of it)"));

  return m;
}

/* Roles ------------------------------------------------------------- */

/**
 * pathways_role_may:
 * @role: (nullable): the signed-in role; NULL for the embedded database
 *
 * The team's access rules (the same the server's policies enforce):
 * personal advisers see and change the young people of their team;
 * housing liaison officers see of a young person what matching needs
 * and change stock and moves; managers see and change everything;
 * administrators manage staff and reference tables.
 */
gboolean
pathways_role_may (const char         *role,
                   PathwaysPermission  what)
{
  gboolean pa, housing, manager, admin;

  if (role == NULL)
    return TRUE;
  pa = g_str_equal (role, "pa");
  housing = g_str_equal (role, "housing");
  manager = g_str_equal (role, "manager");
  admin = g_str_equal (role, "admin");

  switch (what)
    {
    case PATHWAYS_MAY_SEE_PEOPLE:
      return pa || housing || manager;
    case PATHWAYS_MAY_SEE_PRIVATE:
    case PATHWAYS_MAY_EDIT_PEOPLE:
      return pa || manager;
    case PATHWAYS_MAY_SCHEDULE_MOVES:
      return pa || housing || manager;
    case PATHWAYS_MAY_EDIT_STOCK:
      return housing || manager;
    case PATHWAYS_MAY_EDIT_REFERENCE:
      return admin;
    case PATHWAYS_MAY_COMMISSION:
      return manager;
    case PATHWAYS_MAY_ERASE:
      return manager || admin;
    default:
      return FALSE;
    }
}

/**
 * pathways_role_dup_refusal:
 *
 * Returns: (transfer full) (nullable): why @role may not do @what, as a
 *   sentence for the place where it would be; NULL when it may
 */
char *
pathways_role_dup_refusal (const char         *role,
                           PathwaysPermission  what)
{
  if (pathways_role_may (role, what))
    return NULL;

  switch (what)
    {
    case PATHWAYS_MAY_SEE_PEOPLE:
      return g_strdup (_("Administrators manage staff and reference lists: young people’s records are for "
                         "personal advisers, housing officers and managers."));
    case PATHWAYS_MAY_SEE_PRIVATE:
      return g_strdup (_("Wishes and feelings, notes and milestones are for the young person’s personal "
                         "adviser and managers: housing officers see what matching needs."));
    case PATHWAYS_MAY_EDIT_PEOPLE:
      return g_strdup (_("Only the young person’s personal adviser or a manager can change their record."));
    case PATHWAYS_MAY_SCHEDULE_MOVES:
      return g_strdup (_("Administrators do not schedule moves."));
    case PATHWAYS_MAY_EDIT_STOCK:
      return g_strdup (_("Housing officers and managers look after the stock of units."));
    case PATHWAYS_MAY_COMMISSION:
      return g_strdup (_("The placements budget, providers and I statements are for managers."));
    case PATHWAYS_MAY_ERASE:
      return g_strdup (_("Only a manager or an administrator can erase a young person’s records."));
    case PATHWAYS_MAY_EDIT_REFERENCE:
    default:
      return g_strdup (_("Only an administrator can change staff and reference lists."));
    }
}

/**
 * pathways_role_label:
 *
 * Returns: the role in words ("personal adviser"), for sentences
 */
const char *
pathways_role_label (const char *role)
{
  if (g_strcmp0 (role, "pa") == 0)
    return _("personal adviser");
  if (g_strcmp0 (role, "housing") == 0)
    return _("housing liaison officer");
  if (g_strcmp0 (role, "manager") == 0)
    return _("manager");
  if (g_strcmp0 (role, "admin") == 0)
    return _("administrator");
  return _("no role");
}

/**
 * pathways_rules_retention_end:
 *
 * Returns: (transfer full): @date_of_birth plus @years (ISO), or NULL
 *   with @error for a date that is not one or a result past the calendar
 */
gboolean
pathways_rules_may_erase_records (const char *closed_on,
                                  const char *retention_end,
                                  const char *today)
{
  return closed_on != NULL && closed_on[0] != '\0' && retention_end != NULL && today != NULL &&
         g_strcmp0 (today, retention_end) >= 0;
}

char *
pathways_rules_retention_end (const char  *date_of_birth,
                              int          years,
                              GError     **error)
{
  PathwaysDay dob, end;

  if (!pathways_day_from_iso (date_of_birth, &dob))
    {
      g_set_error (error, PATHWAYS_FORMAT_ERROR, PATHWAYS_FORMAT_ERROR_INVALID,
                   _("“%s” is not a date of birth"), date_of_birth ? date_of_birth : "");
      return NULL;
    }
  if (!pathways_day_birthday (dob, years, &end))
    {
      g_set_error_literal (error, PATHWAYS_FORMAT_ERROR, PATHWAYS_FORMAT_ERROR_OUT_OF_RANGE,
                           _("The retention period ends after 31/12/9999"));
      return NULL;
    }
  return pathways_day_to_iso (end);
}
