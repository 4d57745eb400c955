/**
 * What a case puts in the trigram index (case_fts: subject, customer, order_id), as SQL over a row of
 * `cases`, so the row writer, the search backlog and the scan of rows not indexed yet read the same text:
 * - customer: the name and every contact address (e-mail, phone, chat handle);
 * - order_id: the order number as written, again without its separators (agents paste 11455501231234567
 *   for 114-5550123-1234567), and the titles of the ordered products.
 * A case's contacts and order items are written once with the case; no mutation changes them, so the
 * row writer's update that keeps the indexed columns (a tag, a status) keeps this text too.
 */
const CONTACTS = `coalesce((SELECT group_concat(contact.value ->> '$.address', ' ')
  FROM json_each(data, '$.customer.contacts') AS contact), '')`;
const PRODUCTS = `coalesce((SELECT group_concat(item.value ->> '$.title', ' ')
  FROM json_each(data, '$.order.items') AS item), '')`;
const ORDER_KEY = `replace(replace(replace(replace(replace(coalesce(order_id, ''), '-', ''), ' ', ''), '_', ''), '.', ''), '/', '')`;

/** The three case_fts columns, in order. */
export const CASE_FTS_VALUES = [
  'subject',
  `customer_name || ' ' || ${CONTACTS}`,
  `coalesce(order_id, '') || ' ' || ${ORDER_KEY} || ' ' || ${PRODUCTS}`,
] as const;

/** All of it as one text, for the LIKE scan of rows the index does not hold yet. */
export const CASE_SEARCH_TEXT = `(${CASE_FTS_VALUES.join(" || ' ' || ")})`;

/** The contacts and product titles of a row, for the snippet that shows why a case was found. */
export const CASE_SNIPPET_FIELDS = `${CONTACTS} AS contacts, ${PRODUCTS} AS products`;

/** Inserts the case_fts entries of the cases whose rid is in (?, ?]. */
export const INDEX_CASE_RANGE = `INSERT INTO case_fts (rowid, subject, customer, order_id)
  SELECT rid, ${CASE_FTS_VALUES.join(', ')} FROM cases WHERE rid > ? AND rid <= ?`;
