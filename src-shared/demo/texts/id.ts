import type { DemoTexts } from '../demoTexts';

export const id: DemoTexts = {
  subjects: {
    return_refund: 'Pengembalian barang dan dana',
    exchange: 'Tukar ukuran',
    repair_warranty: 'Klaim garansi perbaikan',
    complaint: 'Komplain pesanan',
    price_protection: 'Harga turun setelah saya beli',
    privacy_request: 'Permintaan akses data pribadi',
    payment_issue: 'Saldo terpotong dua kali',
    inquiry: 'Tanya status pengiriman',
  },
  openings: {
    return_refund: [
      'Halo kak, pesanan {order} sudah sampai kemarin tapi barangnya tidak sesuai deskripsi. Saya mau retur dan refund ya.',
      'Selamat siang, barang dari pesanan {order} datang dalam keadaan casing retak. Mohon dibantu proses pengembaliannya.',
      'Kak, pesanan {order} masih tersegel, saya berubah pikiran. Bisa dikembalikan dan dananya dikembalikan?',
    ],
    exchange: [
      'Halo kak, sepatu dari pesanan {order} kekecilan satu nomor. Bisa tukar ke ukuran yang lebih besar?',
      'Saya pesan warna biru di pesanan {order} tapi yang datang abu-abu. Mohon ditukar ya.',
      'Jaket dari pesanan {order} sempit di bagian bahu. Bisa ditukar ke ukuran M?',
    ],
    repair_warranty: [
      'Halo, perangkat dari pesanan {order} tidak bisa dicas lagi padahal baru tiga bulan. Masih garansi, bagaimana caranya?',
      'Motor produk dari pesanan {order} bunyi kasar lalu mati. Saya mau klaim garansi perbaikan.',
      'Layar perangkat saya (pesanan {order}) tiba-tiba hitam, tidak pernah jatuh. Bisa diperbaiki atau diganti?',
    ],
    complaint: [
      'Ini sudah ketiga kalinya saya tanya soal pesanan {order} dan belum ada yang balas. Saya sangat kecewa.',
      'Pesanan {order} telat dua minggu dan kardusnya penyok. Saya minta kompensasi.',
      'Barang dari pesanan {order} beda jauh dengan foto di etalase. Saya merasa tertipu.',
    ],
    price_protection: [
      'Halo kak, seminggu setelah pesanan {order} harganya turun banyak. Selisihnya bisa dikembalikan?',
      'Produk di pesanan {order} sekarang lagi promo jauh lebih murah. Bisa refund selisih harga?',
      'Lima hari lalu saya beli di pesanan {order}, hari ini harganya lebih murah. Ada jaminan harga?',
    ],
    privacy_request: [
      'Halo, sesuai UU Pelindungan Data Pribadi, saya minta salinan semua data pribadi saya yang kalian simpan.',
      'Tolong hapus akun saya beserta semua data pribadi saya, dan kabari kalau sudah selesai.',
      'Saya tidak pernah setuju menerima promosi. Mohon berhenti memakai data saya untuk pemasaran.',
    ],
    payment_issue: [
      'Kartu saya terpotong dua kali untuk pesanan {order}. Mohon pengembalian dana yang dobel secepatnya.',
      'Pembayaran pesanan {order} katanya gagal, tapi saldo saya sudah terpotong.',
      'Ada tagihan dari toko kalian untuk pesanan {order} yang tidak saya kenali. Mohon penjelasannya.',
    ],
    inquiry: [
      'Halo kak, pesanan {order} kapan dikirim? Resi tidak update sudah empat hari.',
      'Perangkat di pesanan {order} colokannya sudah standar Indonesia atau perlu adaptor?',
      'Apakah alamat pengiriman pesanan {order} masih bisa diubah? Minggu depan saya tidak di rumah.',
    ],
  },
  followUps: [
    'Terima kasih sudah membalas. Foto yang diminta sudah saya kirim.',
    'Bagaimana perkembangannya? Sudah beberapa hari.',
    'Barang sudah saya kirim balik hari ini, nomor resinya JP1234567890.',
  ],
  replies: [
    'Terima kasih sudah menghubungi kami dan mohon maaf atas ketidaknyamanannya. Pesanan Kakak sedang kami cek, segera kami kabari.',
    'Kami sudah kirimkan label retur gratis lewat email. Dana akan dikembalikan begitu paket kami terima.',
    'Boleh minta foto produk dan label di kardusnya, Kak? Supaya bisa kami proses lebih cepat.',
  ],
};
