import type { Channel } from '../domain/caseType';
import type { MarketCode } from '../domain/market';

/** A family name that changes with gender (Polish -ski/-ska, Russian -ov/-ova) is a [male, female] pair. */
type FamilyName = string | readonly [string, string];

export interface DemoMarket {
  code: MarketCode;
  /** Customer locales with weights; the first is the market's main one. */
  locales: readonly (readonly [string, number])[];
  currency: string;
  /** Rough price of one US dollar in this currency, to turn catalogue prices into believable local ones. */
  perUsd: number;
  /** Local prices end on a round step of this many major units (yen by 10, dong by 1,000). */
  priceStep: number;
  zones: readonly (readonly [string, string | null])[];
  nameOrder: 'given_family' | 'family_given';
  female: readonly string[];
  male: readonly string[];
  family: readonly FamilyName[];
  platforms: readonly string[];
  channels: readonly (readonly [Channel, number])[];
  phonePrefix: string;
  mailDomain: string;
}

const EU_CHANNELS = [['email', 5], ['marketplace_message', 4], ['chat', 3], ['web_form', 1], ['phone', 1]] as const;

/**
 * The markets demo customers come from, with locales, currencies and zones from shared/domain/markets.md,
 * common names in each market's script and name order, and the platforms and messaging apps used there.
 */
export const DEMO_MARKETS: readonly DemoMarket[] = [
  {
    code: 'CN', locales: [['zh-CN', 1]], currency: 'CNY', perUsd: 7.2, priceStep: 1,
    zones: [['Asia/Shanghai', null]], nameOrder: 'family_given',
    female: ['丽娟', '芳', '静', '婷', '敏', '雪梅', '欣怡', '佳慧'],
    male: ['小明', '建国', '伟', '磊', '强', '志强', '浩然', '子轩'],
    family: ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周'],
    platforms: ['天猫国际', '京东国际', '淘宝', '拼多多'],
    channels: [['wechat', 5], ['chat', 4], ['marketplace_message', 3], ['phone', 1]],
    phonePrefix: '+86 1', mailDomain: 'qq.com',
  },
  {
    code: 'US', locales: [['en-US', 9], ['es-US', 1]], currency: 'USD', perUsd: 1, priceStep: 1,
    zones: [['America/New_York', 'NY'], ['America/Chicago', 'TX'], ['America/Los_Angeles', 'CA'], ['America/Denver', 'CO'], ['America/Phoenix', 'AZ']],
    nameOrder: 'given_family',
    female: ['Emily', 'Jessica', 'Ashley', 'Sarah', 'Megan', 'Olivia'],
    male: ['Michael', 'David', 'James', 'Christopher', 'Ryan', 'Tyler'],
    family: ['Johnson', 'Smith', 'Williams', 'Brown', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Nguyen'],
    platforms: ['Amazon.com', 'eBay', 'Walmart Marketplace', 'TikTok Shop', 'Shopify store'],
    channels: [['email', 5], ['marketplace_message', 5], ['chat', 3], ['phone', 1]],
    phonePrefix: '+1 ', mailDomain: 'gmail.com',
  },
  {
    code: 'GB', locales: [['en-GB', 1]], currency: 'GBP', perUsd: 0.8, priceStep: 1,
    zones: [['Europe/London', null]], nameOrder: 'given_family',
    female: ['Amelia', 'Isla', 'Sophie', 'Charlotte', 'Grace', 'Poppy'],
    male: ['Oliver', 'Harry', 'George', 'Thomas', 'Alfie', 'Jack'],
    family: ['Taylor', 'Evans', 'Wilson', 'Roberts', 'Walker', 'Wright', 'Hughes', 'Patel'],
    platforms: ['Amazon.co.uk', 'eBay UK', 'OnBuy', 'Shopify store'],
    channels: EU_CHANNELS, phonePrefix: '+44 7', mailDomain: 'btinternet.com',
  },
  {
    code: 'DE', locales: [['de-DE', 1]], currency: 'EUR', perUsd: 0.92, priceStep: 1,
    zones: [['Europe/Berlin', null]], nameOrder: 'given_family',
    female: ['Anna', 'Lena', 'Sophie', 'Marie', 'Katharina', 'Julia'],
    male: ['Lukas', 'Jonas', 'Maximilian', 'Felix', 'Stefan', 'Tobias'],
    family: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann'],
    platforms: ['Amazon.de', 'Otto Market', 'eBay.de', 'Kaufland.de'],
    channels: EU_CHANNELS, phonePrefix: '+49 15', mailDomain: 'web.de',
  },
  {
    code: 'FR', locales: [['fr-FR', 1]], currency: 'EUR', perUsd: 0.92, priceStep: 1,
    zones: [['Europe/Paris', null]], nameOrder: 'given_family',
    female: ['Camille', 'Léa', 'Chloé', 'Manon', 'Inès', 'Juliette'],
    male: ['Lucas', 'Hugo', 'Louis', 'Gabriel', 'Mathis', 'Théo'],
    family: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Lefèvre'],
    platforms: ['Amazon.fr', 'Cdiscount', 'Fnac Marketplace', 'Rakuten France'],
    channels: EU_CHANNELS, phonePrefix: '+33 6', mailDomain: 'orange.fr',
  },
  {
    code: 'ES', locales: [['es-ES', 1]], currency: 'EUR', perUsd: 0.92, priceStep: 1,
    zones: [['Europe/Madrid', null], ['Atlantic/Canary', null]], nameOrder: 'given_family',
    female: ['Lucía', 'María', 'Carmen', 'Laura', 'Paula', 'Marta'],
    male: ['Alejandro', 'Pablo', 'Javier', 'Daniel', 'Sergio', 'Álvaro'],
    family: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez'],
    platforms: ['Amazon.es', 'AliExpress', 'Miravia', 'El Corte Inglés Marketplace'],
    channels: [['whatsapp', 3], ...EU_CHANNELS], phonePrefix: '+34 6', mailDomain: 'gmail.com',
  },
  {
    code: 'IT', locales: [['it-IT', 1]], currency: 'EUR', perUsd: 0.92, priceStep: 1,
    zones: [['Europe/Rome', null]], nameOrder: 'given_family',
    female: ['Giulia', 'Chiara', 'Sofia', 'Francesca', 'Alessia', 'Martina'],
    male: ['Francesco', 'Alessandro', 'Lorenzo', 'Matteo', 'Andrea', 'Giuseppe'],
    family: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci'],
    platforms: ['Amazon.it', 'eBay.it', 'ePRICE', 'AliExpress'],
    channels: [['whatsapp', 3], ...EU_CHANNELS], phonePrefix: '+39 3', mailDomain: 'libero.it',
  },
  {
    code: 'NL', locales: [['nl-NL', 1]], currency: 'EUR', perUsd: 0.92, priceStep: 1,
    zones: [['Europe/Amsterdam', null]], nameOrder: 'given_family',
    female: ['Emma', 'Julia', 'Tess', 'Sanne', 'Fleur', 'Lotte'],
    male: ['Daan', 'Sem', 'Lucas', 'Bram', 'Thijs', 'Jesse'],
    family: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Visser', 'Smit'],
    platforms: ['Bol', 'Amazon.nl', 'Coolblue Marketplace'],
    channels: [['whatsapp', 3], ...EU_CHANNELS], phonePrefix: '+31 6', mailDomain: 'ziggo.nl',
  },
  {
    code: 'PL', locales: [['pl-PL', 1]], currency: 'PLN', perUsd: 4, priceStep: 1,
    zones: [['Europe/Warsaw', null]], nameOrder: 'given_family',
    female: ['Zuzanna', 'Julia', 'Maja', 'Katarzyna', 'Agnieszka', 'Magdalena'],
    male: ['Jakub', 'Kacper', 'Szymon', 'Piotr', 'Tomasz', 'Michał'],
    family: ['Nowak', ['Kowalski', 'Kowalska'], ['Wiśniewski', 'Wiśniewska'], 'Wójcik', 'Kowalczyk', ['Lewandowski', 'Lewandowska'], 'Mazur', 'Zając'],
    platforms: ['Allegro', 'Amazon.pl', 'Empik Marketplace'],
    channels: EU_CHANNELS, phonePrefix: '+48 5', mailDomain: 'wp.pl',
  },
  {
    code: 'JP', locales: [['ja-JP', 1]], currency: 'JPY', perUsd: 150, priceStep: 10,
    zones: [['Asia/Tokyo', null]], nameOrder: 'family_given',
    female: ['結衣', '美咲', 'さくら', '花子', '陽菜', '愛'],
    male: ['陽翔', '大翔', '健太', '翔太', '蓮', '拓海'],
    family: ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村'],
    platforms: ['Amazon.co.jp', '楽天市場', 'Yahoo!ショッピング', 'Qoo10'],
    channels: [['email', 5], ['line', 4], ['marketplace_message', 3], ['phone', 1]],
    phonePrefix: '+81 90', mailDomain: 'docomo.ne.jp',
  },
  {
    code: 'KR', locales: [['ko-KR', 1]], currency: 'KRW', perUsd: 1350, priceStep: 100,
    zones: [['Asia/Seoul', null]], nameOrder: 'family_given',
    female: ['서연', '지우', '수빈', '하은', '민지', '예린'],
    male: ['민준', '지훈', '현우', '도윤', '성민', '준호'],
    family: ['김', '이', '박', '최', '정', '강', '조', '윤'],
    platforms: ['쿠팡', '네이버 스마트스토어', 'G마켓', '11번가'],
    channels: [['kakaotalk', 6], ['chat', 3], ['email', 2]],
    phonePrefix: '+82 10', mailDomain: 'naver.com',
  },
  {
    code: 'AU', locales: [['en-AU', 1]], currency: 'AUD', perUsd: 1.5, priceStep: 1,
    zones: [['Australia/Sydney', 'NSW'], ['Australia/Melbourne', 'VIC'], ['Australia/Brisbane', 'QLD'], ['Australia/Perth', 'WA']],
    nameOrder: 'given_family',
    female: ['Charlotte', 'Olivia', 'Mia', 'Chloe', 'Isla', 'Ruby'],
    male: ['Jack', 'William', 'Noah', 'Thomas', 'Lachlan', 'Cooper'],
    family: ['Smith', 'Jones', 'Williams', 'Brown', 'Wilson', 'Taylor', 'Nguyen', 'Kelly'],
    platforms: ['Amazon.com.au', 'eBay Australia', 'Catch', 'Kogan'],
    channels: EU_CHANNELS, phonePrefix: '+61 4', mailDomain: 'bigpond.com',
  },
  {
    code: 'BR', locales: [['pt-BR', 1]], currency: 'BRL', perUsd: 5, priceStep: 1,
    zones: [['America/Sao_Paulo', 'SP'], ['America/Sao_Paulo', 'RJ'], ['America/Fortaleza', 'CE'], ['America/Manaus', 'AM']],
    nameOrder: 'given_family',
    female: ['Ana', 'Beatriz', 'Juliana', 'Mariana', 'Fernanda', 'Camila'],
    male: ['Lucas', 'Gabriel', 'Rafael', 'Pedro', 'Thiago', 'Mateus'],
    family: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Lima', 'Pereira', 'Costa', 'Ferreira'],
    platforms: ['Mercado Livre', 'Shopee Brasil', 'Amazon.com.br', 'Magalu'],
    channels: [['whatsapp', 7], ['email', 2], ['marketplace_message', 3]],
    phonePrefix: '+55 11 9', mailDomain: 'uol.com.br',
  },
  {
    code: 'MX', locales: [['es-MX', 1]], currency: 'MXN', perUsd: 17, priceStep: 1,
    zones: [['America/Mexico_City', 'CMX'], ['America/Monterrey', 'NLE'], ['America/Tijuana', 'BCN'], ['America/Cancun', 'ROO']],
    nameOrder: 'given_family',
    female: ['Guadalupe', 'María Fernanda', 'Ximena', 'Valeria', 'Daniela', 'Sofía'],
    male: ['José', 'Luis', 'Carlos', 'Juan Pablo', 'Miguel Ángel', 'Diego'],
    family: ['Hernández', 'García', 'Martínez', 'López', 'González', 'Pérez', 'Rodríguez', 'Ramírez'],
    platforms: ['Mercado Libre', 'Amazon.com.mx', 'Walmart México', 'Liverpool Marketplace'],
    channels: [['whatsapp', 6], ['email', 2], ['marketplace_message', 3]],
    phonePrefix: '+52 55 ', mailDomain: 'hotmail.com',
  },
  {
    code: 'SA', locales: [['ar-SA', 1]], currency: 'SAR', perUsd: 3.75, priceStep: 1,
    zones: [['Asia/Riyadh', null]], nameOrder: 'given_family',
    female: ['نورة', 'سارة', 'ريم', 'لطيفة', 'هيفاء', 'منيرة'],
    male: ['محمد', 'عبدالله', 'فهد', 'خالد', 'سلطان', 'تركي'],
    family: ['العتيبي', 'القحطاني', 'الشمري', 'الدوسري', 'الغامدي', 'الحربي', 'الزهراني', 'المطيري'],
    platforms: ['نون', 'Amazon.sa', 'متجر سلة'],
    channels: [['whatsapp', 6], ['email', 2], ['marketplace_message', 3], ['phone', 1]],
    phonePrefix: '+966 5', mailDomain: 'hotmail.com',
  },
  {
    code: 'AE', locales: [['ar-AE', 3], ['en-AE', 2]], currency: 'AED', perUsd: 3.67, priceStep: 1,
    zones: [['Asia/Dubai', null]], nameOrder: 'given_family',
    female: ['مريم', 'فاطمة', 'عائشة', 'شمة', 'حصة', 'موزة'],
    male: ['أحمد', 'سعيد', 'راشد', 'حمدان', 'سيف', 'منصور'],
    family: ['المنصوري', 'الكعبي', 'المزروعي', 'الشامسي', 'الظاهري', 'النعيمي', 'السويدي', 'الهاشمي'],
    platforms: ['نون', 'Amazon.ae', 'Namshi'],
    channels: [['whatsapp', 6], ['email', 3], ['marketplace_message', 2]],
    phonePrefix: '+971 50 ', mailDomain: 'eim.ae',
  },
  {
    code: 'RU', locales: [['ru-RU', 1]], currency: 'RUB', perUsd: 90, priceStep: 10,
    zones: [['Europe/Moscow', 'MOW'], ['Europe/Moscow', 'SPE'], ['Asia/Yekaterinburg', 'SVE'], ['Asia/Novosibirsk', 'NVS']],
    nameOrder: 'given_family',
    female: ['Анна', 'Мария', 'Екатерина', 'Ольга', 'Татьяна', 'Наталья'],
    male: ['Александр', 'Дмитрий', 'Максим', 'Сергей', 'Андрей', 'Иван'],
    family: [['Иванов', 'Иванова'], ['Смирнов', 'Смирнова'], ['Кузнецов', 'Кузнецова'], ['Попов', 'Попова'], ['Соколов', 'Соколова'], ['Лебедев', 'Лебедева']],
    platforms: ['Wildberries', 'Ozon', 'Яндекс Маркет', 'AliExpress Россия'],
    channels: [['telegram', 5], ['email', 3], ['vk', 2], ['marketplace_message', 3]],
    phonePrefix: '+7 9', mailDomain: 'yandex.ru',
  },
  {
    code: 'IN', locales: [['en-IN', 6], ['hi-IN', 4]], currency: 'INR', perUsd: 83, priceStep: 1,
    zones: [['Asia/Kolkata', null]], nameOrder: 'given_family',
    female: ['Priya', 'Ananya', 'Kavya', 'Sneha', 'Pooja', 'Divya'],
    male: ['Aarav', 'Rohan', 'Vikram', 'Arjun', 'Rahul', 'Amit'],
    family: ['Sharma', 'Patel', 'Reddy', 'Iyer', 'Singh', 'Gupta', 'Nair', 'Das'],
    platforms: ['Flipkart', 'Amazon.in', 'Myntra', 'Meesho'],
    channels: [['whatsapp', 6], ['email', 3], ['marketplace_message', 3], ['phone', 1]],
    phonePrefix: '+91 9', mailDomain: 'gmail.com',
  },
  {
    code: 'ID', locales: [['id-ID', 1]], currency: 'IDR', perUsd: 15_600, priceStep: 1000,
    zones: [['Asia/Jakarta', 'JK'], ['Asia/Jakarta', 'JB'], ['Asia/Makassar', 'SN'], ['Asia/Makassar', 'BA']],
    nameOrder: 'given_family',
    female: ['Siti', 'Dewi', 'Putri', 'Ayu', 'Rina', 'Fitri'],
    male: ['Budi', 'Agus', 'Rizky', 'Andi', 'Dimas', 'Fajar'],
    family: ['Santoso', 'Wijaya', 'Pratama', 'Saputra', 'Hidayat', 'Lestari', 'Kurniawan', 'Setiawan'],
    platforms: ['Tokopedia', 'Shopee Indonesia', 'Lazada Indonesia', 'Blibli'],
    channels: [['whatsapp', 6], ['chat', 3], ['marketplace_message', 3]],
    phonePrefix: '+62 812 ', mailDomain: 'yahoo.co.id',
  },
  {
    code: 'TH', locales: [['th-TH', 1]], currency: 'THB', perUsd: 35, priceStep: 1,
    zones: [['Asia/Bangkok', null]], nameOrder: 'given_family',
    female: ['สมหญิง', 'กมลวรรณ', 'พิมพ์ชนก', 'ศิริพร', 'นภัสสร', 'สุดารัตน์'],
    male: ['สมชาย', 'ธนากร', 'อนันต์', 'วีระ', 'ณัฐพล', 'กิตติพงษ์'],
    family: ['ใจดี', 'สุขสวัสดิ์', 'ทองคำ', 'ศรีสุข', 'วงศ์ไทย', 'แสงทอง', 'บุญมา', 'รัตนพันธ์'],
    platforms: ['Shopee Thailand', 'Lazada Thailand', 'TikTok Shop'],
    channels: [['line', 7], ['chat', 3], ['marketplace_message', 2]],
    phonePrefix: '+66 8', mailDomain: 'hotmail.co.th',
  },
  {
    code: 'VN', locales: [['vi-VN', 1]], currency: 'VND', perUsd: 25_000, priceStep: 1000,
    zones: [['Asia/Ho_Chi_Minh', null]], nameOrder: 'family_given',
    female: ['Thu Trang', 'Ngọc Lan', 'Thanh Hương', 'Mai Linh', 'Phương Anh', 'Thảo Vy'],
    male: ['Văn Hùng', 'Đức Huy', 'Quốc Bảo', 'Minh Tuấn', 'Hoàng Nam', 'Gia Huy'],
    family: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ'],
    platforms: ['Shopee Việt Nam', 'Lazada Việt Nam', 'Tiki', 'TikTok Shop'],
    channels: [['zalo', 7], ['chat', 3], ['marketplace_message', 2]],
    phonePrefix: '+84 9', mailDomain: 'gmail.com',
  },
  {
    code: 'SG', locales: [['en-SG', 6], ['zh-SG', 4]], currency: 'SGD', perUsd: 1.35, priceStep: 1,
    zones: [['Asia/Singapore', null]], nameOrder: 'family_given',
    female: ['Hui Min', 'Xin Yi', 'Jia Hui', 'Shu Ting', 'Li Ting', 'Wen Qi'],
    male: ['Wei Ming', 'Jun Jie', 'Zhi Hao', 'Kai Wen', 'Yong Sheng', 'Jian Hong'],
    family: ['Tan', 'Lim', 'Lee', 'Ng', 'Ong', 'Wong', 'Goh', 'Chua'],
    platforms: ['Shopee Singapore', 'Lazada Singapore', 'Amazon.sg', 'Qoo10'],
    channels: [['whatsapp', 5], ['email', 3], ['chat', 3]],
    phonePrefix: '+65 9', mailDomain: 'singnet.com.sg',
  },
  {
    code: 'CA', locales: [['en-CA', 7], ['fr-CA', 3]], currency: 'CAD', perUsd: 1.36, priceStep: 1,
    zones: [['America/Toronto', 'ON'], ['America/Vancouver', 'BC'], ['America/Edmonton', 'AB'], ['America/Toronto', 'QC']],
    nameOrder: 'given_family',
    female: ['Emma', 'Olivia', 'Léa', 'Florence', 'Charlotte', 'Chloé'],
    male: ['Liam', 'Noah', 'Félix', 'William', 'Benjamin', 'Thomas'],
    family: ['Tremblay', 'Gagnon', 'Roy', 'Smith', 'Brown', 'Côté', 'Martin', 'MacDonald'],
    platforms: ['Amazon.ca', 'Walmart Canada', 'Best Buy Marketplace', 'Shopify store'],
    channels: EU_CHANNELS, phonePrefix: '+1 416 ', mailDomain: 'sympatico.ca',
  },
];

export function demoMarket(code: MarketCode): DemoMarket {
  const market = DEMO_MARKETS.find((m) => m.code === code);
  if (!market) throw new Error(`no demo profile for market ${code}`);
  return market;
}
