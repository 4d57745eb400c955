import type { ItemCategory } from '../domain/case';
import type { CaseType } from '../domain/caseType';

/** What a cross-border seller lists: title, category and a US-dollar reference price. */
export interface CatalogItem {
  sku: string;
  title: string;
  category: ItemCategory;
  usd: number;
}

export const DEMO_CATALOG: readonly CatalogItem[] = [
  { sku: 'EL-BUDS-A3', title: 'Wireless noise-cancelling earbuds A3', category: 'electronics', usd: 59 },
  { sku: 'EL-PWR-20K', title: 'Power bank 20,000 mAh with USB-C PD', category: 'electronics', usd: 35 },
  { sku: 'EL-WATCH-S2', title: 'Smart watch S2 with heart-rate sensor', category: 'electronics', usd: 89 },
  { sku: 'EL-CAM-4K', title: '4K action camera with waterproof case', category: 'electronics', usd: 129 },
  { sku: 'AP-BLND-900', title: 'High-speed blender 900 W', category: 'appliances', usd: 79 },
  { sku: 'AP-AIRF-55', title: 'Air fryer 5.5 L', category: 'appliances', usd: 99 },
  { sku: 'AP-VAC-R7', title: 'Robot vacuum cleaner R7', category: 'appliances', usd: 249 },
  { sku: 'FU-CHAIR-ERG', title: 'Ergonomic office chair with lumbar support', category: 'furniture', usd: 189 },
  { sku: 'FU-DESK-ST', title: 'Electric standing desk 140 x 70 cm', category: 'furniture', usd: 329 },
  { sku: 'FU-SHELF-5', title: 'Bamboo bookshelf, 5 tiers', category: 'furniture', usd: 69 },
  { sku: 'AR-DOWN-JKT', title: 'Lightweight down jacket', category: 'apparel', usd: 75 },
  { sku: 'AR-SILK-DRS', title: 'Silk midi dress', category: 'apparel', usd: 95 },
  { sku: 'AR-HOOD-BSC', title: 'Cotton hoodie, relaxed fit', category: 'apparel', usd: 39 },
  { sku: 'SH-RUN-X2', title: 'Running shoes X2', category: 'shoes', usd: 85 },
  { sku: 'SH-BOOT-LTH', title: 'Leather ankle boots', category: 'shoes', usd: 119 },
  { sku: 'BE-SERUM-VC', title: 'Vitamin C face serum 30 ml', category: 'beauty', usd: 29 },
  { sku: 'BE-HAIR-DRY', title: 'Ionic hair dryer 1800 W', category: 'beauty', usd: 65 },
  { sku: 'TY-BLOCK-500', title: 'Building block set, 500 pieces', category: 'toys', usd: 45 },
  { sku: 'TY-RC-CAR', title: 'Remote-control off-road car', category: 'toys', usd: 55 },
  { sku: 'HO-LAMP-LED', title: 'Dimmable LED desk lamp', category: 'home', usd: 32 },
  { sku: 'HO-BED-SET', title: 'Cotton bedding set, queen size', category: 'home', usd: 69 },
  { sku: 'SP-YOGA-MAT', title: 'Non-slip yoga mat 6 mm', category: 'sports', usd: 28 },
  { sku: 'SP-BIKE-LGT', title: 'Rechargeable bicycle light set', category: 'sports', usd: 24 },
  { sku: 'BK-COOK-CN', title: 'Cookbook: Sichuan home cooking', category: 'books', usd: 22 },
  { sku: 'FD-TEA-OOL', title: 'Oolong tea gift box 250 g', category: 'food', usd: 36 },
  { sku: 'DG-GIFT-50', title: 'Digital gift card 50', category: 'digital', usd: 50 },
  { sku: 'JW-NECK-SLV', title: 'Sterling silver pendant necklace', category: 'jewelry', usd: 79 },
  { sku: 'CM-PORT-OIL', title: 'Custom oil portrait from photo', category: 'custom_made', usd: 149 },
];

/** Which categories make sense for a case type (repairs are for durable goods, and so on). */
export const CATEGORIES_BY_TYPE: Readonly<Record<CaseType, readonly ItemCategory[]>> = {
  return_refund: ['electronics', 'appliances', 'apparel', 'shoes', 'beauty', 'toys', 'home', 'sports', 'jewelry'],
  exchange: ['apparel', 'shoes', 'home', 'sports', 'electronics'],
  repair_warranty: ['electronics', 'appliances', 'furniture'],
  complaint: ['electronics', 'appliances', 'furniture', 'apparel', 'home', 'food', 'custom_made', 'toys'],
  price_protection: ['electronics', 'appliances', 'apparel', 'shoes', 'beauty'],
  privacy_request: ['electronics', 'apparel', 'books', 'digital'],
  payment_issue: ['electronics', 'appliances', 'furniture', 'digital', 'jewelry', 'apparel'],
  inquiry: ['electronics', 'appliances', 'furniture', 'apparel', 'shoes', 'toys', 'home', 'books', 'custom_made'],
};
