/* pathways-commission-geo.c — where young people's homes and places are
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pathways-commission"

#include "config.h"

#include <string.h>

#include "pathways-commission-geo.h"

struct _PathwaysCommissionGeo {
  PathwaysStoreSufficiency *rows;
  GHashTable *homes;      /* gint64* person → postcode (borrowed) */
  GHashTable *districts;  /* district → area (borrowed) */
  GHashTable *distances;  /* "a\nb" casefolded → double* */
};

void
pathways_commission_geo_free (PathwaysCommissionGeo *geo)
{
  if (geo == NULL)
    return;
  g_clear_pointer (&geo->homes, g_hash_table_unref);
  g_clear_pointer (&geo->districts, g_hash_table_unref);
  g_clear_pointer (&geo->distances, g_hash_table_unref);
  g_clear_pointer (&geo->rows, pathways_store_sufficiency_free);
  g_free (geo);
}

static char *
key_of (const char *a,
        const char *b)
{
  g_autofree char *la = g_utf8_casefold (a, -1);
  g_autofree char *lb = g_utf8_casefold (b, -1);

  return g_strconcat (la, "\n", lb, NULL);
}

/* "NB3 4XY" → "NB3"; "NB34XY" → "NB3" */
static char *
district_of (const char *postcode)
{
  g_autofree char *copy = NULL;
  char *up, *space;
  gsize len;

  if (postcode == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (postcode));
  up = g_ascii_strup (copy, -1);
  if ((space = strchr (up, ' ')) != NULL)
    {
      *space = '\0';
      return up;
    }
  len = strlen (up);
  if (len >= 5)
    up[len - 3] = '\0';
  else if (len < 2)
    g_clear_pointer (&up, g_free);
  return up;
}

PathwaysCommissionGeo *
pathways_commission_geo_load (PathwaysStore  *store,
                              GError        **error)
{
  g_autoptr(PathwaysCommissionGeo) geo = g_new0 (PathwaysCommissionGeo, 1);

  geo->rows = pathways_store_load_sufficiency_rows (store, error);
  if (geo->rows == NULL)
    return NULL;
  geo->homes = g_hash_table_new (g_int64_hash, g_int64_equal);
  geo->districts = g_hash_table_new (g_str_hash, g_str_equal);
  geo->distances = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < geo->rows->people->len; i++)
    {
      PathwaysStoreSufficiencyPerson *p = &g_array_index (geo->rows->people, PathwaysStoreSufficiencyPerson, i);
      if (p->home_postcode != NULL)
        g_hash_table_insert (geo->homes, &p->id, (gpointer) p->home_postcode);
    }
  for (guint i = 0; i < geo->rows->districts->len; i++)
    {
      PathwaysStoreDistrict *d = &g_array_index (geo->rows->districts, PathwaysStoreDistrict, i);
      g_hash_table_insert (geo->districts, (gpointer) d->district, (gpointer) d->area);
    }
  for (guint i = 0; i < geo->rows->distances->len; i++)
    {
      PathwaysStoreDistance *d = &g_array_index (geo->rows->distances, PathwaysStoreDistance, i);
      g_hash_table_insert (geo->distances, key_of (d->from_area, d->to_area), &d->miles);
      g_hash_table_insert (geo->distances, key_of (d->to_area, d->from_area), &d->miles);
    }
  return g_steal_pointer (&geo);
}

const char *
pathways_commission_geo_area_of_postcode (PathwaysCommissionGeo *geo,
                                          const char            *postcode)
{
  g_autofree char *district = district_of (postcode);

  return district ? g_hash_table_lookup (geo->districts, district) : NULL;
}

const char *
pathways_commission_geo_home_area (PathwaysCommissionGeo *geo,
                                   gint64                 young_person_id)
{
  return pathways_commission_geo_area_of_postcode (geo, g_hash_table_lookup (geo->homes, &young_person_id));
}

double
pathways_commission_geo_miles (PathwaysCommissionGeo *geo,
                               const char            *a,
                               const char            *b)
{
  g_autofree char *key = NULL;
  double *miles;

  if (a == NULL || b == NULL)
    return -1;
  if (g_utf8_collate (a, b) == 0 || g_ascii_strcasecmp (a, b) == 0)
    return 0;
  key = key_of (a, b);
  miles = g_hash_table_lookup (geo->distances, key);
  return miles ? *miles : -1;
}
