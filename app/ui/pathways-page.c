/* pathways-page.c — what the window knows of a page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-page"

#include "config.h"

#include "pathways-page.h"

G_DEFINE_INTERFACE (PathwaysPage, pathways_page, GTK_TYPE_WIDGET)

/* What attach keeps on the page */
typedef struct {
  PathwaysPage    *page;      /* not a reference: this lives on the page */
  PathwaysContext *context;
  GSignalGroup    *store_signals;
  PathwaysStore   *loaded;    /* the store @load was last called for */
} Attachment;

static GQuark attachment_quark;

static void
attachment_free (gpointer data)
{
  Attachment *a = data;

  g_signal_handlers_disconnect_by_data (a->context, a);
  g_clear_object (&a->store_signals);
  g_clear_object (&a->context);
  a->loaded = NULL;
  g_free (a);
}

static void
store_changed_cb (PathwaysStore   *store,
                  PathwaysChanges *changes,
                  Attachment      *a)
{
  PathwaysPageInterface *iface = PATHWAYS_PAGE_GET_IFACE (a->page);

  if (iface->changed != NULL)
    iface->changed (a->page, changes);
}

static void
context_store_cb (PathwaysContext *context,
                  GParamSpec      *pspec,
                  Attachment      *a)
{
  PathwaysStore *store = pathways_context_get_store (context);
  PathwaysPageInterface *iface = PATHWAYS_PAGE_GET_IFACE (a->page);

  g_signal_group_set_target (a->store_signals, store);
  if (store != NULL && store != a->loaded && iface->load != NULL)
    {
      a->loaded = store;
      iface->load (a->page, store);
    }
}

static void
pathways_page_default_init (PathwaysPageInterface *iface)
{
  attachment_quark = g_quark_from_static_string ("pathways-page-attachment");

  /**
   * PathwaysPage:context:
   *
   * What the page was made with: the store, clock, settings and toasts.
   */
  g_object_interface_install_property (iface,
    g_param_spec_object ("context", NULL, NULL, PATHWAYS_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * PathwaysPage:title:
   *
   * What the page is called (in the view switcher, or a young person's name).
   */
  g_object_interface_install_property (iface,
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_interface_install_property (iface,
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
}

/**
 * pathways_page_attach:
 * @context: the page's context
 *
 * Follows @context's store for the page: @load now if it is open, or
 * when it opens; @changed on each of its commits.  Call from
 * constructed, when the page's widgets are there.
 */
void
pathways_page_attach (PathwaysPage    *self,
                      PathwaysContext *context)
{
  Attachment *a;

  g_return_if_fail (PATHWAYS_IS_PAGE (self));
  g_return_if_fail (PATHWAYS_IS_CONTEXT (context));
  g_return_if_fail (g_object_get_qdata (G_OBJECT (self), attachment_quark) == NULL);

  a = g_new0 (Attachment, 1);
  a->page = self;
  a->context = g_object_ref (context);
  a->store_signals = g_signal_group_new (PATHWAYS_TYPE_STORE);
  g_signal_group_connect (a->store_signals, "changed", G_CALLBACK (store_changed_cb), a);
  g_object_set_qdata_full (G_OBJECT (self), attachment_quark, a, attachment_free);

  g_signal_connect (context, "notify::store", G_CALLBACK (context_store_cb), a);
  context_store_cb (context, NULL, a);
}

/**
 * pathways_page_detach:
 *
 * Stops following the store: call from dispose, so that no @changed
 * reaches a page being destroyed.  The context stays readable.
 */
void
pathways_page_detach (PathwaysPage *self)
{
  Attachment *a;

  g_return_if_fail (PATHWAYS_IS_PAGE (self));

  a = g_object_get_qdata (G_OBJECT (self), attachment_quark);
  if (a == NULL)
    return;
  g_signal_handlers_disconnect_by_data (a->context, a);
  g_signal_group_set_target (a->store_signals, NULL);
}

/**
 * pathways_page_get_context:
 *
 * Returns: (transfer none): the page's context
 */
PathwaysContext *
pathways_page_get_context (PathwaysPage *self)
{
  Attachment *a;

  g_return_val_if_fail (PATHWAYS_IS_PAGE (self), NULL);

  a = g_object_get_qdata (G_OBJECT (self), attachment_quark);
  return a ? a->context : NULL;
}

/**
 * pathways_page_get_store:
 *
 * Returns: (transfer none) (nullable): the context's store, or %NULL
 *   until it is open
 */
PathwaysStore *
pathways_page_get_store (PathwaysPage *self)
{
  PathwaysContext *context = pathways_page_get_context (self);

  return context ? pathways_context_get_store (context) : NULL;
}

const char *
pathways_page_get_title (PathwaysPage *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PAGE (self), NULL);

  return PATHWAYS_PAGE_GET_IFACE (self)->get_title ? PATHWAYS_PAGE_GET_IFACE (self)->get_title (self) : NULL;
}

const char *
pathways_page_get_icon_name (PathwaysPage *self)
{
  g_return_val_if_fail (PATHWAYS_IS_PAGE (self), NULL);

  return PATHWAYS_PAGE_GET_IFACE (self)->get_icon_name ? PATHWAYS_PAGE_GET_IFACE (self)->get_icon_name (self)
                                                       : NULL;
}
