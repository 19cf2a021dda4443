/* pathways-unit-page.c — one unit of the register: details, occupancy,
 * who could live there
 *
 * The page loads the unit, its stays and its upcoming free date in a
 * worker thread, and "Who could live here?" (the core's ranking of young
 * people for the unit on a chosen date) in another.  Changes — status,
 * retiring, editing, a reservation made through the scheduling dialog —
 * go through the core and are reported with the "changed" signal, which
 * the stock view turns into a toast with "Undo".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-unit-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pathways-history-list.h"
#include "pathways-move-dialog.h"
#include "pathways-unit-editor.h"

#include "pathways-page.h"
#include "pathways-unit-page.h"
#include "pathways-unit-page-private.h"
#include "pathways-widgets.h"

/* How many candidates show before "Show More" */
#define CANDIDATES_PAGE 15

struct _PathwaysUnitPage
{
  GtkWidget parent_instance;

  PathwaysContext *context;
  PathwaysStore *store;       /* the context's, once loaded */
  gint64         unit_id;
  PathwaysHistoryList *history_list;
  PathwaysUnit  *unit;
  char          *today;
  char          *free_from;
  char          *date;        /* ISO: the day candidates are ranked for */
  GListModel    *candidates;
  guint          n_shown;

  GCancellable  *load_cancellable;
  GCancellable  *rank_cancellable;
  guint          loading;
  GtkWindow     *move_dialog;  /* weak */

  /* Template widgets */
  GtkLabel               *title_label;
  GtkLabel               *subtitle_label;
  GtkStack               *stack;
  GtkSpinner             *spinner;
  AdwStatusPage          *error_page;
  GtkLabel               *free_label;
  GtkLabel               *status_label;
  GtkLabel               *occupancy_label;
  PathwaysOccupancyStrip *strip;
  GtkFlowBox             *legend;
  GtkEntry               *date_entry;
  GtkLabel               *candidates_intro;
  GtkStack               *candidates_stack;
  GtkSpinner             *candidates_spinner;
  GtkLabel               *candidates_empty_label;
  GtkListBox             *candidates_list;
  GtkButton              *more_button;
  GtkListBox             *details_list;
  GtkScrolledWindow      *scroller;
};

static void pathways_unit_page_page_init (PathwaysPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PathwaysUnitPage, pathways_unit_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (PATHWAYS_TYPE_PAGE, pathways_unit_page_page_init))

enum {
  BACK,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_TITLE,
  PROP_ICON_NAME,
};

static guint signals[N_SIGNALS];

#define NO_VALUE "—"

static void load_candidates (PathwaysUnitPage *self);

/* Loading the unit */

typedef struct {
  PathwaysUnit *unit;
  GPtrArray    *segments;
  char         *free_from;
  char         *occupant;
  char         *occupant_until;
  char         *reserved_for;
  char         *reserved_from;
} UnitData;

static void
unit_data_free (gpointer data)
{
  UnitData *d = data;

  g_clear_object (&d->unit);
  g_clear_pointer (&d->segments, g_ptr_array_unref);
  g_free (d->free_from);
  g_free (d->occupant);
  g_free (d->occupant_until);
  g_free (d->reserved_for);
  g_free (d->reserved_from);
  g_free (d);
}

typedef struct {
  gint64  unit_id;
  char   *today;
} LoadRequest;

static void
load_request_free (gpointer data)
{
  LoadRequest *r = data;

  g_free (r->today);
  g_free (r);
}

static void
load_unit_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  LoadRequest *r = task_data;
  GError *error = NULL;
  g_autoptr(PathwaysSnapshot) snap = NULL;
  const PathwaysUnitFacts *facts;
  UnitData *d = g_new0 (UnitData, 1);

  d->unit = pathways_store_get (source, PATHWAYS_TYPE_UNIT, r->unit_id, &error);
  if (d->unit == NULL || (snap = pathways_snapshot_load_shared (source, r->today, &error)) == NULL)
    {
      unit_data_free (d);
      g_task_return_error (task, error);
      return;
    }

  d->segments = g_ptr_array_new_with_free_func ((GDestroyNotify) pathways_occupancy_segment_free);
  facts = pathways_snapshot_get_unit (snap, r->unit_id);
  for (guint i = 0; facts != NULL && i < facts->spells->len; i++)
    {
      const PathwaysSpellFacts *s = g_ptr_array_index (facts->spells, i);
      const PathwaysPersonFacts *p = pathways_snapshot_get_person (snap, s->person_id);
      const char *who = p ? p->name : _("A young person");

      if (g_str_equal (s->state, "ended"))
        g_ptr_array_add (d->segments, pathways_occupancy_segment_new (PATHWAYS_OCCUPANCY_PAST, who, s->start,
                                                                      s->actual_end ? s->actual_end : s->planned_end));
      else if (g_str_equal (s->state, "current"))
        {
          g_ptr_array_add (d->segments, pathways_occupancy_segment_new (PATHWAYS_OCCUPANCY_CURRENT, who,
                                                                        s->start, s->planned_end));
          g_free (d->occupant);
          d->occupant = g_strdup (who);
          g_free (d->occupant_until);
          d->occupant_until = g_strdup (s->planned_end);
        }
      else
        {
          g_ptr_array_add (d->segments, pathways_occupancy_segment_new (PATHWAYS_OCCUPANCY_PLANNED, who,
                                                                        s->start, s->planned_end));
          if (d->reserved_from == NULL || strcmp (s->start, d->reserved_from) < 0)
            {
              g_free (d->reserved_for);
              d->reserved_for = g_strdup (who);
              g_free (d->reserved_from);
              d->reserved_from = g_strdup (s->start);
            }
        }
    }
  if (facts != NULL && (g_strcmp0 (facts->status, "void") == 0 || g_strcmp0 (facts->status, "offline") == 0))
    g_ptr_array_add (d->segments,
                     pathways_occupancy_segment_new (g_str_equal (facts->status, "void") ? PATHWAYS_OCCUPANCY_VOID
                                                                                         : PATHWAYS_OCCUPANCY_OFFLINE,
                                                     facts->status_reason,
                                                     facts->status_from ? facts->status_from : r->today,
                                                     facts->status_to));
  if (facts != NULL)
    d->free_from = pathways_rules_unit_free_from (facts, r->today);

  g_task_return_pointer (task, d, unit_data_free);
}

/* Helpers */

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
add_detail (PathwaysUnitPage *self,
            const char       *label,
            const char       *value)
{
  GtkWidget *row = adw_action_row_new ();

  /* A property row: the name small above, the value below it across the
   * whole row — never squeezed into a column beside the name */
  gtk_widget_add_css_class (row, "property");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value != NULL && *value != '\0' ? value : NO_VALUE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_list_box_append (self->details_list, row);
}

static const char *
vocab (PathwaysVocab vocab,
       const char   *code)
{
  return code != NULL ? pathways_vocab_label (vocab, code) : NULL;
}

static void
fill_details (PathwaysUnitPage *self)
{
  PathwaysRecord *u = PATHWAYS_RECORD (self->unit);
  gint64 min_age = pathways_record_get_int (u, "min-age");
  gint64 max_age = pathways_record_get_int (u, "max-age");
  g_autofree char *ages = NULL;
  g_autofree char *cost = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *bedrooms = NULL;
  g_autofree char *area = NULL;
  g_autofree char *status_from = NULL;
  g_autofree char *status_to = NULL;
  g_autofree char *retired = NULL;

  clear_list_box (self->details_list);

  if (max_age > 0)
    /* Translators: an age range, e.g. "16–21" */
    ages = g_strdup_printf (_("%d–%d"), (int) min_age, (int) max_age);
  else if (min_age > 0)
    /* Translators: a minimum age with no maximum, e.g. "18 and over" */
    ages = g_strdup_printf (_("%d and over"), (int) min_age);
  cost = pathways_money_format (pathways_record_get_int (u, "weekly-cost"));
  /* Translators: support hours per week */
  hours = g_strdup_printf (_("%g hours a week"), pathways_record_get_real (u, "support-hours"));
  bedrooms = g_strdup_printf ("%d", (int) pathways_record_get_int (u, "bedrooms"));
  if (pathways_record_get_string (u, "area") != NULL)
    area = g_strdup_printf (pathways_record_get_bool (u, "in-authority")
                            /* Translators: an area, inside or outside the authority */
                            ? _("%s, inside the authority") : _("%s, outside the authority"),
                            pathways_record_get_string (u, "area"));

  add_detail (self, _("Address"), pathways_record_get_string (u, "address"));
  add_detail (self, _("Postcode"), pathways_record_get_string (u, "postcode"));
  add_detail (self, _("Area"), area);
  add_detail (self, _("Provider"), pathways_record_get_string (u, "provider"));
  add_detail (self, _("Provider type"), vocab (PATHWAYS_VOCAB_PROVIDER_TYPE, pathways_record_get_string (u, "provider-type")));
  add_detail (self, _("Kind"), vocab (PATHWAYS_VOCAB_UNIT_KIND, pathways_record_get_string (u, "kind")));
  add_detail (self, _("Bedrooms"), bedrooms);
  add_detail (self, _("Shared or self-contained"),
              pathways_record_get_bool (u, "shared") ? _("Shared") : _("Self-contained"));
  add_detail (self, _("Ages"), ages);
  add_detail (self, _("Support"), hours);
  add_detail (self, _("Staffing"), vocab (PATHWAYS_VOCAB_STAFFING, pathways_record_get_string (u, "staffing")));
  add_detail (self, _("Registration"), vocab (PATHWAYS_VOCAB_REGISTRATION, pathways_record_get_string (u, "registration")));
  add_detail (self, _("Ofsted URN"), pathways_record_get_string (u, "ofsted-urn"));
  add_detail (self, _("Weekly cost"), cost);
  add_detail (self, _("Commissioning route"),
              vocab (PATHWAYS_VOCAB_COMMISSIONING, pathways_record_get_string (u, "commissioning")));

  if (pathways_record_get_string (u, "status-from") != NULL)
    status_from = pathways_date_format_uk (pathways_record_get_string (u, "status-from"));
  if (pathways_record_get_string (u, "status-to") != NULL)
    status_to = pathways_date_format_uk (pathways_record_get_string (u, "status-to"));
  add_detail (self, _("Status from"), status_from);
  add_detail (self, _("Status until"), status_to);
  add_detail (self, _("Reason for status"), pathways_record_get_string (u, "status-reason"));
  if (pathways_record_get_string (u, "retired-on") != NULL)
    {
      retired = pathways_date_format_uk (pathways_record_get_string (u, "retired-on"));
      add_detail (self, _("Retired on"), retired);
    }
}

static void
add_legend_item (PathwaysUnitPage *self,
                 const char       *css,
                 const char       *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (swatch, "occupancy-swatch");
  gtk_widget_add_css_class (swatch, css);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), label);
  gtk_flow_box_append (self->legend, box);
  /* The legend is read, not visited: no Tab stop, named by what it says */
  gtk_widget_set_focusable (gtk_widget_get_parent (box), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (box)), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
set_status_css (GtkWidget  *label,
                const char *status)
{
  static const char *const classes[] = { "success", "warning", "error", "accent", NULL };

  for (guint i = 0; classes[i] != NULL; i++)
    gtk_widget_remove_css_class (label, classes[i]);
  if (g_strcmp0 (status, "available") == 0)
    gtk_widget_add_css_class (label, "success");
  else if (g_strcmp0 (status, "void") == 0)
    gtk_widget_add_css_class (label, "warning");
  else if (g_strcmp0 (status, "offline") == 0)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_add_css_class (label, "accent");
}

static void
show_unit_data (PathwaysUnitPage *self,
                UnitData         *d)
{
  PathwaysRecord *u = PATHWAYS_RECORD (d->unit);
  const char *kind = pathways_record_get_string (u, "kind");
  const char *area = pathways_record_get_string (u, "area");
  const char *status = pathways_record_get_string (u, "status");
  g_autofree char *subtitle = NULL;
  g_autofree char *free_text = NULL;
  g_autofree char *occupancy = NULL;
  g_autofree char *strip_from = NULL;
  g_autofree char *strip_to = NULL;
  gboolean retired, may_edit;

  g_set_object (&self->unit, PATHWAYS_UNIT (d->unit));
  if (self->store != NULL)
    pathways_history_list_show (self->history_list, self->store, "unit",
                                pathways_record_get_id (PATHWAYS_RECORD (d->unit)));
  g_free (self->free_from);
  self->free_from = g_strdup (d->free_from);
  retired = pathways_record_get_string (u, "retired-on") != NULL;

  gtk_label_set_label (self->title_label, pathways_record_get_string (u, "name"));
  if (area != NULL)
    /* Translators: the kind of unit and its area, under its name */
    subtitle = g_strdup_printf (_("%s in %s"), pathways_vocab_label (PATHWAYS_VOCAB_UNIT_KIND, kind), area);
  else
    subtitle = g_strdup (pathways_vocab_label (PATHWAYS_VOCAB_UNIT_KIND, kind));
  gtk_label_set_label (self->subtitle_label, subtitle);

  if (retired)
    {
      g_autofree char *on = pathways_date_format_uk (pathways_record_get_string (u, "retired-on"));
      free_text = g_strdup_printf (_("Retired on %s"), on);
    }
  else if (d->free_from == NULL)
    free_text = g_strdup (_("Not coming free"));
  else if (g_str_equal (d->free_from, self->today) && d->reserved_from != NULL)
    {
      g_autofree char *until = pathways_date_format_uk (d->reserved_from);
      /* Translators: free today, until someone booked in moves in */
      free_text = g_strdup_printf (_("Free now, until %s"), until);
    }
  else if (g_str_equal (d->free_from, self->today))
    free_text = g_strdup (_("Free now"));
  else
    {
      g_autofree char *on = pathways_date_format_uk (d->free_from);
      /* Translators: when a unit becomes free, e.g. "Free from 12/01/2027" */
      free_text = g_strdup_printf (_("Free from %s"), on);
    }
  gtk_label_set_label (self->free_label, free_text);
  gtk_label_set_label (self->status_label, retired ? _("Retired")
                                                   : pathways_vocab_label (PATHWAYS_VOCAB_UNIT_STATUS, status));
  set_status_css (GTK_WIDGET (self->status_label), retired ? "offline" : status);

  if (d->occupant != NULL && d->reserved_for != NULL)
    {
      g_autofree char *from = pathways_date_format_uk (d->reserved_from);
      /* Translators: who lives in a unit, and who is booked in next from a date */
      occupancy = g_strdup_printf (_("%s lives here. Reserved for %s from %s."), d->occupant, d->reserved_for, from);
    }
  else if (d->occupant != NULL && d->occupant_until != NULL)
    {
      g_autofree char *until = pathways_date_format_uk (d->occupant_until);
      occupancy = g_strdup_printf (_("%s lives here and is due to move out on %s."), d->occupant, until);
    }
  else if (d->occupant != NULL)
    occupancy = g_strdup_printf (_("%s lives here, with no move-out planned."), d->occupant);
  else if (d->reserved_for != NULL)
    {
      g_autofree char *from = pathways_date_format_uk (d->reserved_from);
      occupancy = g_strdup_printf (_("Nobody lives here. Reserved for %s from %s."), d->reserved_for, from);
    }
  else
    occupancy = g_strdup (_("Nobody lives here and nobody is booked in."));
  gtk_label_set_label (self->occupancy_label, occupancy);

  /* A year back and a year ahead */
  strip_from = pathways_date_add_months (self->today, -12);
  strip_to = pathways_date_add_months (self->today, 12);
  pathways_occupancy_strip_set_range (self->strip, strip_from, strip_to, self->today);
  pathways_occupancy_strip_set_segments (self->strip, d->segments);

  fill_details (self);

  /* The stock is the housing officers' and managers' to change */
  may_edit = pathways_role_may (pathways_context_get_role (self->context), PATHWAYS_MAY_EDIT_STOCK);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "unit.retire", may_edit && !retired);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "unit.set-void", may_edit && !retired);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "unit.set-offline", may_edit && !retired);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "unit.back-in-use", may_edit &&
                                 !retired && (g_strcmp0 (status, "void") == 0 || g_strcmp0 (status, "offline") == 0));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "unit.edit", may_edit);
}

static void
update_loading (PathwaysUnitPage *self)
{
  gtk_spinner_set_spinning (self->spinner, self->loading > 0 && self->unit == NULL);
}

/* Candidates */

/* @suggested: the view's one suggested action (the best fit) */
static GtkWidget *
make_candidate_row (PathwaysUnitPage *self,
                    PathwaysRecord   *c,
                    gboolean          suggested)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *name = gtk_label_new (pathways_record_get_string (c, "name"));
  GtkWidget *verdict = gtk_label_new (pathways_record_get_string (c, "verdict-label"));
  GtkWidget *facts_label;
  GtkWidget *reasons_label;
  GtkWidget *button;
  gint64 v = pathways_record_get_int (c, "verdict");
  const char *need = pathways_record_get_string (c, "need-date");
  const char *reasons = pathways_record_get_string (c, "reasons");
  g_autofree char *facts = NULL;
  g_autofree char *bullets = NULL;
  g_autofree char *a11y = NULL;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_hexpand (text, TRUE);

  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (top), name);
  if (pathways_record_get_string (c, "local-id") != NULL)
    {
      GtkWidget *id = gtk_label_new (pathways_record_get_string (c, "local-id"));
      gtk_widget_add_css_class (id, "dim-label");
      gtk_widget_add_css_class (id, "numeric");
      gtk_box_append (GTK_BOX (top), id);
    }
  gtk_widget_add_css_class (verdict, "status-pill");
  gtk_widget_add_css_class (verdict, v == PATHWAYS_VERDICT_ELIGIBLE ? "success"
                                     : v == PATHWAYS_VERDICT_WARNINGS ? "warning" : "error");
  gtk_box_append (GTK_BOX (top), verdict);
  gtk_box_append (GTK_BOX (top), pathways_score_label_new (pathways_record_get_int (c, "score"),
                                                           pathways_record_get_string (c, "score-terms")));
  gtk_box_append (GTK_BOX (text), top);

  if (need != NULL)
    {
      g_autofree char *uk = pathways_date_format_uk (need);
      /* Translators: age on the day, care-leaver status, and when the young person needs to move */
      facts = g_strdup_printf (_("Age %d on the day · %s · needs a move by %s"),
                               (int) pathways_record_get_int (c, "age"),
                               pathways_record_get_string (c, "status-label"), uk);
    }
  else
    /* Translators: age on the day and care-leaver status */
    facts = g_strdup_printf (_("Age %d on the day · %s"), (int) pathways_record_get_int (c, "age"),
                             pathways_record_get_string (c, "status-label"));
  facts_label = gtk_label_new (facts);
  gtk_label_set_xalign (GTK_LABEL (facts_label), 0);
  gtk_label_set_wrap (GTK_LABEL (facts_label), TRUE);
  gtk_widget_add_css_class (facts_label, "caption");
  gtk_box_append (GTK_BOX (text), facts_label);

  if (reasons != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (reasons, "\n", -1);
      GString *s = g_string_new (NULL);
      for (guint i = 0; lines[i] != NULL; i++)
        g_string_append_printf (s, "%s• %s", i ? "\n" : "", lines[i]);
      bullets = g_string_free (s, FALSE);
      reasons_label = gtk_label_new (bullets);
      gtk_label_set_xalign (GTK_LABEL (reasons_label), 0);
      gtk_label_set_wrap (GTK_LABEL (reasons_label), TRUE);
      gtk_widget_add_css_class (reasons_label, "dim-label");
      gtk_box_append (GTK_BOX (text), reasons_label);
    }
  gtk_box_append (GTK_BOX (box), text);

  button = gtk_button_new_with_mnemonic (_("_Offer / Reserve…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "unit.offer");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", pathways_record_get_int (c, "young-person-id"));
  /* Translators: the accessible name of the Offer button on a candidate's row */
  a11y = g_strdup_printf (_("Offer or reserve for %s"), pathways_record_get_string (c, "name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  if (v == PATHWAYS_VERDICT_NOT_ELIGIBLE)
    gtk_widget_set_sensitive (button, FALSE);
  else if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  gtk_box_append (GTK_BOX (box), button);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  {
    /* Translators: a ranked young person for a screen reader: name and verdict, "Amara Okafor, Open" */
    g_autofree char *row_name = g_strdup_printf (_("%1$s, %2$s"), pathways_record_get_string (c, "name"),
                                                 pathways_record_get_string (c, "verdict-label"));

    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, row_name,
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, facts, -1);
    /* That label alone: libadwaita 1.2 labels an action row by its title as well */
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  }
  /* Read, not a Tab stop: its button is */
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static void
show_candidates (PathwaysUnitPage *self)
{
  guint n = self->candidates ? g_list_model_get_n_items (self->candidates) : 0;
  guint n_eligible = 0;
  g_autofree char *uk = pathways_date_format_uk (self->date);
  g_autofree char *intro = NULL;
  guint shown;

  clear_list_box (self->candidates_list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PathwaysRecord) c = g_list_model_get_item (self->candidates, i);
      n_eligible += pathways_record_get_int (c, "verdict") != PATHWAYS_VERDICT_NOT_ELIGIBLE;
    }

  /* Translators: %s is a date; explains the ranking under "Who could live here?" */
  intro = g_strdup_printf (_("Young people ranked for a move here on %s: open to them under the rules, "
                             "needing a move around then, in an area they prefer, ready to move. "
                             "Each one’s reasons are listed."), uk);
  gtk_label_set_label (self->candidates_intro, intro);

  if (n_eligible == 0)
    {
      gtk_label_set_label (self->candidates_empty_label,
                           _("Nobody can move here on that date under the rules. Try another date."));
      gtk_stack_set_visible_child_name (self->candidates_stack, "empty");
      return;
    }

  shown = MIN (n, self->n_shown);
  for (guint i = 0, suggested = 0; i < shown; i++)
    {
      g_autoptr(PathwaysRecord) c = g_list_model_get_item (self->candidates, i);
      gboolean best = !suggested && pathways_record_get_int (c, "verdict") == PATHWAYS_VERDICT_ELIGIBLE;

      gtk_list_box_append (self->candidates_list, make_candidate_row (self, c, best));
      suggested |= best;
    }
  if (shown < n)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("Show %u More", "Show %u More", MIN (n - shown, CANDIDATES_PAGE)),
                                               MIN (n - shown, CANDIDATES_PAGE));
      gtk_button_set_label (self->more_button, more);
      gtk_widget_set_visible (GTK_WIDGET (self->more_button), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->more_button), FALSE);
  gtk_stack_set_visible_child_name (self->candidates_stack, "list");
}

static void
candidates_loaded_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(PathwaysUnitPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GListModel *model;

  self->loading--;
  model = pathways_stock_rank_finish (PATHWAYS_STORE (source), result, NULL, &error);
  if (model == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_label_set_label (self->candidates_empty_label, error->message);
          gtk_stack_set_visible_child_name (self->candidates_stack, "empty");
        }
      update_loading (self);
      return;
    }
  g_clear_object (&self->candidates);
  self->candidates = model;
  gtk_spinner_set_spinning (self->candidates_spinner, FALSE);
  show_candidates (self);
  update_loading (self);
}

static void
load_candidates (PathwaysUnitPage *self)
{
  if (self->store == NULL || self->unit_id == 0 || self->date == NULL)
    return;

  g_cancellable_cancel (self->rank_cancellable);
  g_clear_object (&self->rank_cancellable);
  self->rank_cancellable = g_cancellable_new ();

  gtk_spinner_set_spinning (self->candidates_spinner, TRUE);
  gtk_stack_set_visible_child_name (self->candidates_stack, "loading");
  self->n_shown = CANDIDATES_PAGE;

  self->loading++;
  pathways_stock_rank_people_async (self->store, self->unit_id, self->date, self->rank_cancellable,
                                    candidates_loaded_cb, g_object_ref (self));
}

static void
set_date_internal (PathwaysUnitPage *self,
                   const char       *iso)
{
  g_autofree char *uk = pathways_date_format_uk (iso);

  g_free (self->date);
  self->date = g_strdup (iso);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), uk);
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_entry), "error");
}

static void
unit_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PathwaysUnitPage) self = user_data;
  g_autoptr(GError) error = NULL;
  UnitData *d;
  gboolean first;

  self->loading--;
  d = g_task_propagate_pointer (G_TASK (result), &error);
  if (d == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          adw_status_page_set_description (self->error_page, error->message);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      update_loading (self);
      return;
    }

  first = self->date == NULL;
  show_unit_data (self, d);
  gtk_stack_set_visible_child_name (self->stack, "unit");

  /* Rank for the day it comes free, to start with */
  if (first)
    set_date_internal (self, d->free_from != NULL && strcmp (d->free_from, self->today) > 0 ? d->free_from
                                                                                            : self->today);
  unit_data_free (d);
  load_candidates (self);
  update_loading (self);
}

static void
load_unit (PathwaysUnitPage *self)
{
  g_autoptr(GTask) task = NULL;
  LoadRequest *r;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  g_free (self->today);
  self->today = pathways_context_dup_today (self->context);

  r = g_new0 (LoadRequest, 1);
  r->unit_id = self->unit_id;
  r->today = g_strdup (self->today);
  task = g_task_new (self->store, self->load_cancellable, unit_loaded_cb, g_object_ref (self));
  g_task_set_source_tag (task, load_unit);
  g_task_set_task_data (task, r, load_request_free);
  self->loading++;
  update_loading (self);
  g_task_run_in_thread (task, load_unit_thread);
}

/* Writes: status changes and retiring, in a worker thread */

typedef struct {
  PathwaysUnitPage  *page;
  gint64             unit_id;
  gboolean           retire;
  char              *status;
  char              *from;
  char              *to;
  char              *reason;
  char              *done_message;
  PathwaysChangeSet *changes;
} WriteRequest;

static void
write_request_free (gpointer data)
{
  WriteRequest *w = data;

  g_free (w->status);
  g_free (w->from);
  g_free (w->to);
  g_free (w->reason);
  g_free (w->done_message);
  g_clear_pointer (&w->changes, pathways_change_set_unref);
  g_clear_object (&w->page);
  g_free (w);
}

static void
write_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  WriteRequest *w = user_data;
  g_autoptr(GError) error = NULL;

  if (!pathways_stock_write_finish (PATHWAYS_STORE (source), result, &w->changes, &error))
    {
      /* The core says why in words a person can act on */
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (w->page));
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  w->retire ? _("Cannot Retire This Unit")
                                                            : _("Cannot Change the Status"),
                                                  error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      write_request_free (w);
      return;
    }

  /* This page and the register refresh from the store's "changed" */
  pathways_context_show_undoable (w->page->context, w->done_message, w->changes);
  write_request_free (w);
}

static void
run_write (PathwaysUnitPage *self,
           WriteRequest     *w)
{
  w->unit_id = self->unit_id;
  w->page = g_object_ref (self);
  if (w->retire)
    pathways_stock_retire_async (self->store, w->unit_id, w->from, w->reason, NULL, write_done_cb, w);
  else
    pathways_stock_set_status_async (self->store, w->unit_id, w->status, w->from, w->to, w->reason, NULL,
                                     write_done_cb, w);
}

/* The status dialogs: dates and a reason, in an AdwMessageDialog */

typedef struct {
  PathwaysUnitPage *self;
  char             *status;     /* NULL: retire */
  GtkEditable      *from;
  GtkEditable      *to;         /* NULL for offline and retire */
  GtkEditable      *reason;
  GtkLabel         *error;
} StatusDialog;

static void
status_dialog_free (gpointer data)
{
  StatusDialog *sd = data;

  g_object_unref (sd->self);
  g_free (sd->status);
  g_free (sd);
}

static GtkEditable *
add_dialog_entry (GtkBox     *box,
                  const char *label,
                  const char *placeholder,
                  const char *text)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), entry);
  gtk_widget_add_css_class (title, "caption-heading");
  if (placeholder)
    gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  if (text)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_box_append (box, title);
  gtk_box_append (box, entry);
  return GTK_EDITABLE (entry);
}

static gboolean
parse_optional_date (GtkEditable  *editable,
                     char        **out_iso)
{
  const char *text = gtk_editable_get_text (editable);

  *out_iso = NULL;
  if (text == NULL || *text == '\0')
    return TRUE;
  if (pathways_date_parse_user (text, out_iso))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
      return TRUE;
    }
  gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
  return FALSE;
}

static void
status_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    StatusDialog     *sd)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  const char *reason;
  WriteRequest *w;

  if (!g_str_equal (response, "apply"))
    return;

  reason = gtk_editable_get_text (sd->reason);
  if (!parse_optional_date (sd->from, &from) || (sd->to != NULL && !parse_optional_date (sd->to, &to)))
    {
      /* Keep the dialog open: the person fixes the date */
      gtk_label_set_label (sd->error, _("Enter dates as DD/MM/YYYY"));
      gtk_widget_set_visible (GTK_WIDGET (sd->error), TRUE);
      return;
    }

  w = g_new0 (WriteRequest, 1);
  w->retire = sd->status == NULL;
  w->status = g_strdup (sd->status);
  w->from = g_steal_pointer (&from);
  w->to = g_steal_pointer (&to);
  w->reason = *reason ? g_strdup (reason) : NULL;
  if (w->retire && w->from == NULL)
    w->from = g_strdup (sd->self->today);
  w->done_message = g_strdup (w->retire ? _("Unit retired")
                              : g_str_equal (sd->status, "void") ? _("Unit marked void")
                              : _("Unit taken offline"));
  run_write (sd->self, w);
}

static void
open_status_dialog (PathwaysUnitPage *self,
                    const char       *status)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *heading;
  const char *body;
  const char *apply;
  GtkWidget *dialog;
  GtkWidget *box;
  g_autofree char *today = pathways_date_format_uk (self->today);
  StatusDialog *sd;

  if (status == NULL)
    {
      heading = _("Retire This Unit?");
      body = _("A retired unit leaves the register and is offered to nobody. "
               "It cannot be retired while someone lives there or is booked in.");
      apply = _("_Retire");
    }
  else if (g_str_equal (status, "void"))
    {
      heading = _("Mark the Unit Void");
      body = _("Nobody can move in while it is void. Leave “Until” empty if you do not know when it will be ready.");
      apply = _("Mark _Void");
    }
  else
    {
      heading = _("Take the Unit Offline");
      body = _("Nobody can move in while it is offline, until you put it back in use.");
      apply = _("Take _Offline");
    }

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  sd = g_new0 (StatusDialog, 1);
  sd->self = g_object_ref (self);
  sd->status = g_strdup (status);
  sd->from = add_dialog_entry (GTK_BOX (box), status == NULL ? _("_On") : _("_From"), _("DD/MM/YYYY"), today);
  if (status != NULL && g_str_equal (status, "void"))
    sd->to = add_dialog_entry (GTK_BOX (box), _("_Until"), _("DD/MM/YYYY (optional)"), NULL);
  sd->reason = add_dialog_entry (GTK_BOX (box), _("_Reason"),
                                 status != NULL && g_str_equal (status, "void") ? _("Required, e.g. repairs")
                                                                                : _("Optional"), NULL);
  sd->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (sd->error), "error");
  gtk_widget_set_visible (GTK_WIDGET (sd->error), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (sd->error));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "apply", apply, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply",
                                              status == NULL ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (status_response_cb), sd,
                         (GClosureNotify) (void (*) (void)) status_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Callbacks */

static void
date_changed_cb (PathwaysUnitPage *self,
                 GtkEntry         *entry)
{
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

static void
date_activate_cb (PathwaysUnitPage *self,
                  GtkEntry         *entry)
{
  g_autofree char *iso = pathways_date_entry_read (GTK_EDITABLE (entry));

  if (iso != NULL)
    pathways_unit_page_set_date (self, iso);
}

static void
editor_saved_cb (PathwaysUnitPage  *self,
                 PathwaysChangeSet *changes,
                 gint64             unit_id,
                 gpointer           editor)
{
  pathways_context_show_undoable (self->context, _("Unit saved"), changes);
}

static void
move_scheduled_cb (PathwaysUnitPage  *self,
                   PathwaysChangeSet *changes,
                   gint64             transition_id,
                   gpointer           dialog)
{
  pathways_context_show_undoable (self->context, _("Move scheduled and unit reserved"), changes);
}

/* PathwaysPage */

static void
pathways_unit_page_load (PathwaysPage  *page,
                         PathwaysStore *store)
{
  PathwaysUnitPage *self = PATHWAYS_UNIT_PAGE (page);

  g_set_object (&self->store, store);
  if (self->unit_id != 0)
    load_unit (self);
}

static void
pathways_unit_page_changed (PathwaysPage    *page,
                            PathwaysChanges *changes)
{
  PathwaysUnitPage *self = PATHWAYS_UNIT_PAGE (page);

  if (self->unit_id == 0)
    return;
  /* The unit, who lives there and who is booked in; the candidates ranked
   * for it depend on everyone's accommodation too (the load ranks again) */
  if (pathways_changes_has_unit (changes, self->unit_id) || pathways_changes_has_table (changes, "setting"))
    load_unit (self);
  else if (pathways_changes_has_type (changes, PATHWAYS_TYPE_SPELL) ||
           pathways_changes_has_type (changes, PATHWAYS_TYPE_TRANSITION) ||
           pathways_changes_has_type (changes, PATHWAYS_TYPE_YOUNG_PERSON) ||
           pathways_changes_has_type (changes, PATHWAYS_TYPE_MILESTONE))
    load_candidates (self);
}

static const char *
pathways_unit_page_get_title (PathwaysPage *page)
{
  PathwaysUnitPage *self = PATHWAYS_UNIT_PAGE (page);

  return self->unit ? pathways_unit_get_name (self->unit) : _("Unit");
}

static const char *
pathways_unit_page_get_icon_name (PathwaysPage *page)
{
  return "go-home-symbolic";
}

static void
pathways_unit_page_page_init (PathwaysPageInterface *iface)
{
  iface->load = pathways_unit_page_load;
  iface->changed = pathways_unit_page_changed;
  iface->get_title = pathways_unit_page_get_title;
  iface->get_icon_name = pathways_unit_page_get_icon_name;
}

/* Actions */

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[BACK], 0);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PathwaysUnitPage *self = PATHWAYS_UNIT_PAGE (widget);
  PathwaysUnitEditor *editor;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->unit == NULL)
    return;
  editor = pathways_unit_editor_new (self->context, self->unit);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
set_void_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  open_status_dialog (PATHWAYS_UNIT_PAGE (widget), "void");
}

static void
set_offline_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_status_dialog (PATHWAYS_UNIT_PAGE (widget), "offline");
}

static void
retire_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  open_status_dialog (PATHWAYS_UNIT_PAGE (widget), NULL);
}

static void
back_in_use_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PathwaysUnitPage *self = PATHWAYS_UNIT_PAGE (widget);
  WriteRequest *w = g_new0 (WriteRequest, 1);

  w->status = g_strdup ("available");
  w->from = g_strdup (self->today);
  w->done_message = g_strdup (_("Unit back in use"));
  run_write (self, w);
}

static void
offer_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  pathways_unit_page_offer (PATHWAYS_UNIT_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
show_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PathwaysUnitPage *self = PATHWAYS_UNIT_PAGE (widget);

  self->n_shown += CANDIDATES_PAGE;
  show_candidates (self);
}

/* GObject overrides */

static void
pathways_unit_page_dispose (GObject *object)
{
  PathwaysUnitPage *self = PATHWAYS_UNIT_PAGE (object);
  GtkWidget *child;

  pathways_page_detach (PATHWAYS_PAGE (self));
  g_cancellable_cancel (self->load_cancellable);
  g_cancellable_cancel (self->rank_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->rank_cancellable);
  g_clear_weak_pointer (&self->move_dialog);

  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_UNIT_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_object (&self->unit);
  g_clear_object (&self->candidates);

  G_OBJECT_CLASS (pathways_unit_page_parent_class)->dispose (object);
}

static void
pathways_unit_page_finalize (GObject *object)
{
  PathwaysUnitPage *self = PATHWAYS_UNIT_PAGE (object);

  g_free (self->today);
  g_free (self->free_from);
  g_free (self->date);

  G_OBJECT_CLASS (pathways_unit_page_parent_class)->finalize (object);
}

static void
pathways_unit_page_constructed (GObject *object)
{
  PathwaysUnitPage *self = PATHWAYS_UNIT_PAGE (object);

  G_OBJECT_CLASS (pathways_unit_page_parent_class)->constructed (object);

  g_return_if_fail (PATHWAYS_IS_CONTEXT (self->context));
  pathways_page_attach (PATHWAYS_PAGE (self), self->context);
}

static void
pathways_unit_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PathwaysUnitPage *self = PATHWAYS_UNIT_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_TITLE:
      g_value_set_string (value, pathways_page_get_title (PATHWAYS_PAGE (self)));
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, pathways_page_get_icon_name (PATHWAYS_PAGE (self)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_unit_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PathwaysUnitPage *self = PATHWAYS_UNIT_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pathways_unit_page_class_init (PathwaysUnitPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pathways_unit_page_constructed;
  object_class->dispose = pathways_unit_page_dispose;
  object_class->finalize = pathways_unit_page_finalize;
  object_class->get_property = pathways_unit_page_get_property;
  object_class->set_property = pathways_unit_page_set_property;

  g_object_class_override_property (object_class, PROP_CONTEXT, PATHWAYS_PAGE_PROP_CONTEXT);
  g_object_class_override_property (object_class, PROP_TITLE, PATHWAYS_PAGE_PROP_TITLE);
  g_object_class_override_property (object_class, PROP_ICON_NAME, PATHWAYS_PAGE_PROP_ICON_NAME);

  /**
   * PathwaysUnitPage::back:
   *
   * The person wants to go back to the register.
   */
  signals[BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (PATHWAYS_TYPE_OCCUPANCY_STRIP);
  g_type_ensure (PATHWAYS_TYPE_HISTORY_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pathways-unit-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwaysUnitPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysUnitPage, history_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysUnitPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysUnitPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PathwaysUnitPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, PathwaysUnitPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, PathwaysUnitPage, free_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysUnitPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysUnitPage, occupancy_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysUnitPage, strip);
  gtk_widget_class_bind_template_child (widget_class, PathwaysUnitPage, legend);
  gtk_widget_class_bind_template_child (widget_class, PathwaysUnitPage, date_entry);
  gtk_widget_class_bind_template_child (widget_class, PathwaysUnitPage, candidates_intro);
  gtk_widget_class_bind_template_child (widget_class, PathwaysUnitPage, candidates_stack);
  gtk_widget_class_bind_template_child (widget_class, PathwaysUnitPage, candidates_spinner);
  gtk_widget_class_bind_template_child (widget_class, PathwaysUnitPage, candidates_empty_label);
  gtk_widget_class_bind_template_child (widget_class, PathwaysUnitPage, candidates_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysUnitPage, more_button);
  gtk_widget_class_bind_template_child (widget_class, PathwaysUnitPage, details_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysUnitPage, scroller);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_activate_cb);

  gtk_widget_class_install_action (widget_class, "unit.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "unit.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "unit.set-void", NULL, set_void_action);
  gtk_widget_class_install_action (widget_class, "unit.set-offline", NULL, set_offline_action);
  gtk_widget_class_install_action (widget_class, "unit.back-in-use", NULL, back_in_use_action);
  gtk_widget_class_install_action (widget_class, "unit.retire", NULL, retire_action);
  gtk_widget_class_install_action (widget_class, "unit.offer", "x", offer_action);
  gtk_widget_class_install_action (widget_class, "unit.show-more", NULL, show_more_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "unit.back", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "unitpage");
}

static void
pathways_unit_page_init (PathwaysUnitPage *self)
{
  static const PathwaysShortcut shortcuts[] = {
    { "<Alt>Left", "unit.back" },
    { "<Control>e", "unit.edit" },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  pathways_add_page_shortcuts (GTK_WIDGET (self), shortcuts, G_N_ELEMENTS (shortcuts));

  add_legend_item (self, "past", _("Lived here"));
  add_legend_item (self, "current", _("Lives here now"));
  add_legend_item (self, "planned", _("Reserved"));
  add_legend_item (self, "void", _("Void"));
  add_legend_item (self, "offline", _("Offline"));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "unit.edit", FALSE);
}

/* Public API */

GtkWidget *
pathways_unit_page_new (PathwaysContext *context)
{
  g_return_val_if_fail (PATHWAYS_IS_CONTEXT (context), NULL);

  return g_object_new (PATHWAYS_TYPE_UNIT_PAGE, "context", context, NULL);
}

/**
 * pathways_unit_page_show_unit:
 *
 * Shows the unit @unit_id, loading it in a worker thread; candidates are
 * ranked for the day it comes free.
 */
void
pathways_unit_page_show_unit (PathwaysUnitPage *self,
                              gint64            unit_id)
{
  pathways_unit_page_show_unit_on (self, unit_id, NULL);
}

/**
 * pathways_unit_page_show_unit_on:
 * @date: (nullable): the day the unit was asked about ("Free on" in the
 *   register): "Who Could Live Here?" ranks for it; %NULL for the day
 *   the unit comes free
 */
void
pathways_unit_page_show_unit_on (PathwaysUnitPage *self,
                                 gint64            unit_id,
                                 const char       *date)
{
  g_return_if_fail (PATHWAYS_IS_UNIT_PAGE (self));
  g_return_if_fail (self->store != NULL);

  self->unit_id = unit_id;
  g_clear_object (&self->unit);
  g_clear_object (&self->candidates);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->free_from, g_free);
  gtk_label_set_label (self->title_label, "");
  gtk_label_set_label (self->subtitle_label, "");
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), "");
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  pathways_occupancy_strip_set_segments (self->strip, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "unit.edit", FALSE);
  if (date != NULL)
    set_date_internal (self, date);   /* kept when it loads */
  load_unit (self);
}

gint64
pathways_unit_page_get_unit_id (PathwaysUnitPage *self)
{
  g_return_val_if_fail (PATHWAYS_IS_UNIT_PAGE (self), 0);

  return self->unit_id;
}

/**
 * pathways_unit_page_reload:
 *
 * Loads the unit again, keeping the chosen date and where the page is
 * scrolled to.
 */
void
pathways_unit_page_reload (PathwaysUnitPage *self)
{
  g_return_if_fail (PATHWAYS_IS_UNIT_PAGE (self));

  if (self->store == NULL || self->unit_id == 0)
    return;
  load_unit (self);
}

gboolean
pathways_unit_page_is_loading (PathwaysUnitPage *self)
{
  g_return_val_if_fail (PATHWAYS_IS_UNIT_PAGE (self), FALSE);

  return self->loading > 0;
}

/**
 * pathways_unit_page_set_date:
 * @iso: the day to rank young people for
 */
void
pathways_unit_page_set_date (PathwaysUnitPage *self,
                             const char       *iso)
{
  g_return_if_fail (PATHWAYS_IS_UNIT_PAGE (self));
  g_return_if_fail (iso != NULL);

  set_date_internal (self, iso);
  load_candidates (self);
}

const char *
pathways_unit_page_get_date (PathwaysUnitPage *self)
{
  g_return_val_if_fail (PATHWAYS_IS_UNIT_PAGE (self), NULL);

  return self->date;
}

/**
 * pathways_unit_page_get_free_from:
 *
 * Returns: (nullable): when the unit is next free (ISO), from its
 *   planned move-outs and void end; %NULL when it is not coming free
 */
const char *
pathways_unit_page_get_free_from (PathwaysUnitPage *self)
{
  g_return_val_if_fail (PATHWAYS_IS_UNIT_PAGE (self), NULL);

  return self->free_from;
}

/**
 * pathways_unit_page_get_candidates:
 *
 * Returns: (transfer none) (nullable): the ranked PathwaysCandidate list
 */
GListModel *
pathways_unit_page_get_candidates (PathwaysUnitPage *self)
{
  g_return_val_if_fail (PATHWAYS_IS_UNIT_PAGE (self), NULL);

  return self->candidates;
}

PathwaysOccupancyStrip *
pathways_unit_page_get_strip (PathwaysUnitPage *self)
{
  g_return_val_if_fail (PATHWAYS_IS_UNIT_PAGE (self), NULL);

  return self->strip;
}

/**
 * pathways_unit_page_offer:
 *
 * "Offer / reserve": opens the scheduling dialog the personal advisers
 * use, for @young_person_id, with this unit and the chosen date filled
 * in.  Scheduling there books the young person in (a reservation).
 *
 * Returns: (transfer none): the dialog
 */
GtkWindow *
pathways_unit_page_offer (PathwaysUnitPage *self,
                          gint64            young_person_id)
{
  PathwaysMoveDialog *dialog;
  GtkRoot *root;
  const char *name = NULL;

  g_return_val_if_fail (PATHWAYS_IS_UNIT_PAGE (self), NULL);
  g_return_val_if_fail (self->store != NULL && self->unit_id != 0, NULL);

  for (guint i = 0; self->candidates && i < g_list_model_get_n_items (self->candidates); i++)
    {
      g_autoptr(PathwaysRecord) c = g_list_model_get_item (self->candidates, i);
      if (pathways_record_get_int (c, "young-person-id") == young_person_id)
        {
          name = pathways_record_get_string (c, "name");
          break;
        }
    }

  dialog = pathways_move_dialog_new (self->context, young_person_id, name ? name : "");
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  if (self->date != NULL)
    pathways_move_dialog_set_date (dialog, self->date);
  pathways_move_dialog_select_unit (dialog, self->unit_id);
  g_signal_connect_object (dialog, "scheduled", G_CALLBACK (move_scheduled_cb), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->move_dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}
