/* pathways-offers-dialog.c — a young person's referrals and the offers made
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-offers-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pathways-format.h"
#include "pathways-offers-dialog.h"
#include "pathways-page.h"
#include "pathways-person-page.h"
#include "pathways-referral-buttons.h"
#include "pathways-widgets.h"
#include "pathways-referral-pdf.h"
#include "pathways-referral.h"
#include "pathways-vocab.h"

struct _PathwaysOffersDialog
{
  AdwWindow parent_instance;

  PathwaysContext *context;
  gint64           person_id;
  GArray          *choices;      /* gint64 pairs: referral, provider — one per from_row item */
  guint            n_offers;
  gboolean         loading;
  GtkFileChooserNative *chooser;
  gint64           pack_referral;

  GtkListBox  *offer_list;
  AdwComboRow *from_row;
  AdwEntryRow *unit_row;
  AdwEntryRow *area_row;
  AdwEntryRow *postcode_row;
  AdwEntryRow *cost_row;
  AdwEntryRow *available_row;
  AdwComboRow *registration_row;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (PathwaysOffersDialog, pathways_offers_dialog, ADW_TYPE_WINDOW)

static const char * const registrations[] = { NULL, "registered", "applied", "not_registered", "not_required" };

typedef struct {
  gint64     person_id;
  GPtrArray *referrals;     /* PathwaysReferral, open */
  GPtrArray *comparisons;   /* GPtrArray per referral */
  GPtrArray *choices;       /* char*: "R3 · Spot Homes" */
  GArray    *choice_ids;    /* gint64 pairs */
} Loaded;

static void
loaded_free (Loaded *l)
{
  g_clear_pointer (&l->referrals, g_ptr_array_unref);
  g_clear_pointer (&l->comparisons, g_ptr_array_unref);
  g_clear_pointer (&l->choices, g_ptr_array_unref);
  g_clear_pointer (&l->choice_ids, g_array_unref);
  g_free (l);
}

static void
show_error (PathwaysOffersDialog *self,
            const char           *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Loaded *l = task_data;
  GError *error = NULL;
  g_autoptr(GListModel) referrals = pathways_store_list_for_person (source_object, PATHWAYS_TYPE_REFERRAL,
                                                                    l->person_id, &error);

  if (referrals == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (referrals); i++)
    {
      g_autoptr(PathwaysReferral) r = g_list_model_get_item (referrals, i);
      g_autoptr(GArray) ids = NULL;
      GPtrArray *cmp;

      if (g_strcmp0 (pathways_referral_get_state (r), "open") != 0)
        continue;
      if ((cmp = pathways_offer_compare (source_object, pathways_record_get_id (PATHWAYS_RECORD (r)), &error)) == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      ids = pathways_referral_dup_provider_ids (r);
      for (guint j = 0; j < ids->len; j++)
        {
          gint64 pair[2] = { pathways_record_get_id (PATHWAYS_RECORD (r)), g_array_index (ids, gint64, j) };
          g_autoptr(PathwaysProvider) p = pathways_store_get (source_object, PATHWAYS_TYPE_PROVIDER, pair[1], NULL);

          if (p == NULL)
            continue;
          g_ptr_array_add (l->choices, g_strdup_printf ("R%" G_GINT64_FORMAT " · %s", pair[0],
                                                        pathways_provider_get_name (p)));
          g_array_append_vals (l->choice_ids, pair, 2);
        }
      g_ptr_array_add (l->referrals, g_steal_pointer (&r));
      g_ptr_array_add (l->comparisons, cmp);
    }
  g_task_return_boolean (task, TRUE);
}

static void
fill (PathwaysOffersDialog *self,
      Loaded               *l)
{
  GtkWidget *child;
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->offer_list))) != NULL)
    gtk_list_box_remove (self->offer_list, child);
  self->n_offers = 0;
  if (l->referrals->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No referral is open for this young person"));
      gtk_list_box_append (self->offer_list, row);
    }
  for (guint i = 0; i < l->referrals->len; i++)
    {
      PathwaysReferral *r = g_ptr_array_index (l->referrals, i);
      GPtrArray *cmp = g_ptr_array_index (l->comparisons, i);
      g_autofree char *needed = pathways_date_format_uk (pathways_referral_get_needed_by (r));
      g_autofree char *title = g_strdup_printf (_("R%" G_GINT64_FORMAT " · %s, needed by %s"),
                                                pathways_record_get_id (PATHWAYS_RECORD (r)),
                                                pathways_provision_kind_label (pathways_referral_get_kind (r)), needed);
      GtkWidget *header = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (header), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (header), title);
      gtk_widget_add_css_class (header, "heading");
      gtk_accessible_update_property (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      {
        GtkWidget *button = gtk_button_new ();
        GtkWidget *label = gtk_label_new_with_mnemonic (_("Save _pack…"));
        g_autofree char *accessible = g_strdup_printf (_("Save the referral pack of R%" G_GINT64_FORMAT),
                                                       pathways_record_get_id (PATHWAYS_RECORD (r)));

        gtk_label_set_mnemonic_widget (GTK_LABEL (label), button);
        gtk_button_set_child (GTK_BUTTON (button), label);
        gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
        gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "offers.save-pack");
        gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                                g_variant_new_int64 (pathways_record_get_id (PATHWAYS_RECORD (r))));
        gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
        adw_action_row_add_suffix (ADW_ACTION_ROW (header), button);
      }
      gtk_list_box_append (self->offer_list, header);
      for (guint j = 0; j < cmp->len; j++)
        {
          PathwaysOfferComparison *c = g_ptr_array_index (cmp, j);
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *cost = pathways_money_format (c->weekly_cost);
          g_autofree char *from = pathways_date_format_uk (c->available_from);
          g_autofree char *miles = c->miles >= 0 ? g_strdup_printf (_("%.1f miles from home"), c->miles)
                                                 : g_strdup (_("distance from home not known"));
          g_autofree char *otitle = g_strdup_printf ("%s — %s", c->provider, c->unit_name);
          g_autofree char *osub = g_strdup_printf (_("%s a week%s · from %s · %s · %s · %s"), cost,
                                                   c->cheapest ? _(" (cheapest)") : "", from, miles,
                                                   c->registration, c->verdict_label);
          g_autofree char *name = g_strdup_printf ("%s, %s", otitle, osub);

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), otitle);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), osub);
          if (c->reasons && *c->reasons)
            gtk_widget_set_tooltip_text (row, c->reasons);
          gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          /* That label alone: libadwaita 1.2 labels an action row by its title as well */
          gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
          if (g_str_equal (c->state, "open"))
            {
              GtkWidget *button = gtk_button_new ();
              GtkWidget *label = gtk_label_new_with_mnemonic (_("_Accept"));
              g_autofree char *accessible = g_strdup_printf (_("Accept the offer of %s"), c->unit_name);

              gtk_label_set_mnemonic_widget (GTK_LABEL (label), button);
              gtk_button_set_child (GTK_BUTTON (button), label);
              gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
              gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "offers.accept");
              gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (c->offer_id));
              gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
            }
          gtk_list_box_append (self->offer_list, row);
          self->n_offers++;
        }
    }
  for (guint i = 0; i < l->choices->len; i++)
    gtk_string_list_append (choices, g_ptr_array_index (l->choices, i));
  adw_combo_row_set_model (self->from_row, G_LIST_MODEL (choices));
  g_clear_pointer (&self->choices, g_array_unref);
  self->choices = g_steal_pointer (&l->choice_ids);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PathwaysOffersDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  self->loading = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_error (self, error->message);
      return;
    }
  fill (self, g_task_get_task_data (G_TASK (result)));
}

static void
reload (PathwaysOffersDialog *self)
{
  PathwaysStore *store = pathways_context_get_store (self->context);
  g_autoptr(GTask) task = NULL;
  Loaded *l;

  if (store == NULL)
    return;
  l = g_new0 (Loaded, 1);
  l->person_id = self->person_id;
  l->referrals = g_ptr_array_new_with_free_func (g_object_unref);
  l->comparisons = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  l->choices = g_ptr_array_new_with_free_func (g_free);
  l->choice_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->loading = TRUE;
  task = g_task_new (store, NULL, loaded_cb, g_object_ref (self));
  g_task_set_source_tag (task, reload);
  g_task_set_task_data (task, l, (GDestroyNotify) loaded_free);
  g_task_run_in_thread (task, load_thread);
}

/* Writes ---------------------------------------------------------------------- */

typedef struct {
  PathwaysOffer     *offer;     /* to record, or NULL */
  gint64             accept_id; /* to accept */
  PathwaysChangeSet *undo;
} Write;

static void
write_free (Write *w)
{
  g_clear_object (&w->offer);
  g_clear_pointer (&w->undo, pathways_change_set_unref);
  g_free (w);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Write *w = task_data;
  GError *error = NULL;
  gboolean ok;

  if (w->offer != NULL)
    ok = pathways_offer_record (source_object, w->offer, &w->undo, &error);
  else
    ok = pathways_offer_accept (source_object, w->accept_id, NULL, _("Offer accepted from the young person's page"),
                                NULL, NULL, &w->undo, &error);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PathwaysOffersDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  Write *w = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  if (w->offer != NULL)
    {
      pathways_context_show_undoable (self->context, _("Offer recorded"), w->undo);
      gtk_editable_set_text (GTK_EDITABLE (self->unit_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->cost_row), "");
    }
  else
    pathways_context_show_undoable (self->context, _("Offer accepted: the unit is in the register and the move is "
                                                     "scheduled"), w->undo);
  reload (self);
}

static void
run_write (PathwaysOffersDialog *self,
           Write                *w)
{
  PathwaysStore *store = pathways_context_get_store (self->context);
  g_autoptr(GTask) task = NULL;

  if (store == NULL)
    {
      write_free (w);
      return;
    }
  task = g_task_new (store, NULL, written_cb, g_object_ref (self));
  g_task_set_source_tag (task, run_write);
  g_task_set_task_data (task, w, (GDestroyNotify) write_free);
  g_task_run_in_thread (task, write_thread);
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  Write *w = g_new0 (Write, 1);

  w->accept_id = g_variant_get_int64 (parameter);
  run_write (PATHWAYS_OFFERS_DIALOG (widget), w);
}

static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PathwaysOffersDialog *self = PATHWAYS_OFFERS_DIALOG (widget);
  guint choice = adw_combo_row_get_selected (self->from_row);
  guint reg = adw_combo_row_get_selected (self->registration_row);
  const char *cost_text = gtk_editable_get_text (GTK_EDITABLE (self->cost_row));
  const char *unit = gtk_editable_get_text (GTK_EDITABLE (self->unit_row));
  const char *area = gtk_editable_get_text (GTK_EDITABLE (self->area_row));
  const char *postcode = gtk_editable_get_text (GTK_EDITABLE (self->postcode_row));
  g_autofree char *available = NULL;
  gint64 cost = 0;
  Write *w;

  if (self->choices == NULL || choice == GTK_INVALID_LIST_POSITION || choice * 2 + 1 >= self->choices->len)
    {
      show_error (self, _("Choose the referral and the provider the offer comes from"));
      return;
    }
  if (cost_text != NULL && *cost_text != '\0' && (!pathways_money_parse (cost_text, &cost, NULL) || cost < 0))
    {
      g_autofree char *message = g_strdup_printf (_("Weekly cost: “%s” is not an amount in pounds, such as 850.00"),
                                                  cost_text);
      show_error (self, message);
      return;
    }
  if (!pathways_date_parse_user (gtk_editable_get_text (GTK_EDITABLE (self->available_row)), &available))
    {
      show_error (self, _("Available from: give the date the unit is free, as dd/mm/yyyy"));
      return;
    }
  w = g_new0 (Write, 1);
  w->offer = g_object_new (PATHWAYS_TYPE_OFFER,
                           "referral-id", g_array_index (self->choices, gint64, choice * 2),
                           "provider-id", g_array_index (self->choices, gint64, choice * 2 + 1),
                           "unit-name", unit, "area", area && *area ? area : NULL,
                           "postcode", postcode && *postcode ? postcode : NULL, "weekly-cost", cost,
                           "available-from", available,
                           "registration", reg < G_N_ELEMENTS (registrations) ? registrations[reg] : NULL,
                           NULL);
  run_write (self, w);
}

/* The referral pack, as a PDF --------------------------------------------------- */

typedef struct {
  gint64  referral_id;
  char   *path;
} Pack;

static void
pack_free (Pack *p)
{
  g_free (p->path);
  g_free (p);
}

static void
pack_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Pack *p = task_data;
  GError *error = NULL;
  g_autoptr(PathwaysReferralPack) pack = pathways_referral_pack_build (source_object, p->referral_id, &error);

  if (pack == NULL || !pathways_referral_pack_write_pdf (pack, p->path, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
pack_written_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PathwaysOffersDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    show_error (self, error->message);
  else
    pathways_context_show_message (self->context, _("Referral pack saved"));
}

/**
 * pathways_offers_dialog_save_pack:
 *
 * Writes the pack of @referral_id to @path (a PDF, private to the user)
 * in a worker thread.
 */
void
pathways_offers_dialog_save_pack (PathwaysOffersDialog *self,
                                  gint64                referral_id,
                                  const char           *path)
{
  PathwaysStore *store = pathways_context_get_store (self->context);
  g_autoptr(GTask) task = NULL;
  Pack *p;

  g_return_if_fail (PATHWAYS_IS_OFFERS_DIALOG (self));
  if (store == NULL)
    return;
  p = g_new0 (Pack, 1);
  p->referral_id = referral_id;
  p->path = g_strdup (path);
  task = g_task_new (store, NULL, pack_written_cb, g_object_ref (self));
  g_task_set_source_tag (task, pathways_offers_dialog_save_pack);
  g_task_set_task_data (task, p, (GDestroyNotify) pack_free);
  g_task_run_in_thread (task, pack_thread);
}

static void
pack_chooser_cb (PathwaysOffersDialog *self,
                 int                   response,
                 GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;
  if ((path = g_file_get_path (file)) == NULL)
    {
      show_error (self, _("Referral packs can only be saved to local files"));
      return;
    }
  pathways_offers_dialog_save_pack (self, self->pack_referral, path);
}

static void
save_pack_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PathwaysOffersDialog *self = PATHWAYS_OFFERS_DIALOG (widget);
  g_autofree char *name = NULL;

  if (self->chooser != NULL)
    return;
  self->pack_referral = g_variant_get_int64 (parameter);
  /* Translators: the suggested file name of a referral pack; %s is its reference */
  name = g_strdup_printf (_("referral-R%" G_GINT64_FORMAT ".pdf"), self->pack_referral);
  self->chooser = gtk_file_chooser_native_new (_("Save Referral Pack"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (pack_chooser_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
pathways_offers_dialog_dispose (GObject *object)
{
  PathwaysOffersDialog *self = PATHWAYS_OFFERS_DIALOG (object);

  if (self->chooser)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), PATHWAYS_TYPE_OFFERS_DIALOG);
  g_clear_pointer (&self->choices, g_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pathways_offers_dialog_parent_class)->dispose (object);
}

static void
pathways_offers_dialog_class_init (PathwaysOffersDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pathways_offers_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pathways-offers-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PathwaysOffersDialog, offer_list);
  gtk_widget_class_bind_template_child (widget_class, PathwaysOffersDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysOffersDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysOffersDialog, area_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysOffersDialog, postcode_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysOffersDialog, cost_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysOffersDialog, available_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysOffersDialog, registration_row);
  gtk_widget_class_bind_template_child (widget_class, PathwaysOffersDialog, error_label);

  gtk_widget_class_install_action (widget_class, "offers.accept", "x", accept_action);
  gtk_widget_class_install_action (widget_class, "offers.record", NULL, record_action);
  gtk_widget_class_install_action (widget_class, "offers.save-pack", "x", save_pack_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "offers.record", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pathways_offers_dialog_init (PathwaysOffersDialog *self)
{
  g_autoptr(GtkStringList) regs = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_string_list_append (regs, _("Not given"));
  for (guint i = 1; i < G_N_ELEMENTS (registrations); i++)
    gtk_string_list_append (regs, pathways_vocab_label (PATHWAYS_VOCAB_REGISTRATION, registrations[i]));
  adw_combo_row_set_model (self->registration_row, G_LIST_MODEL (regs));
}

PathwaysOffersDialog *
pathways_offers_dialog_new (PathwaysContext *context,
                            gint64           person_id)
{
  PathwaysOffersDialog *self;

  g_return_val_if_fail (PATHWAYS_IS_CONTEXT (context), NULL);

  self = g_object_new (PATHWAYS_TYPE_OFFERS_DIALOG, NULL);
  self->context = g_object_ref (context);
  self->person_id = person_id;
  reload (self);
  return self;
}

guint
pathways_offers_dialog_get_n_offers (PathwaysOffersDialog *self)
{
  g_return_val_if_fail (PATHWAYS_IS_OFFERS_DIALOG (self), 0);
  return self->loading ? G_MAXUINT : self->n_offers;
}

static GtkWindow *
make_dialog (PathwaysContext *context,
             gint64           person_id)
{
  return GTK_WINDOW (pathways_offers_dialog_new (context, person_id));
}

void
pathways_offers_dialog_install_action (GtkWidgetClass *widget_class,
                                       const char     *action_name)
{
  pathways_person_dialog_install_action (widget_class, action_name, GDK_KEY_o, make_dialog);
}
