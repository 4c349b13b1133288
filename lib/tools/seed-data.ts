/** The demo register: real makers and models a Japanese contractor owns. [demo count, sakura-denki count] per entry. */
export interface SeedTool {
  prefix: 'A' | 'B' | 'C' | 'D' | 'E'
  name: string
  maker: string
  model: string
  price: number
  count: [number, number]
  /** Quantity-managed consumables: [quantity, threshold, unit]. */
  stock?: [number, number, string]
  calibrated?: boolean
}

export const seedTools: SeedTool[] = [
  { prefix: 'A', name: '充電式インパクトドライバ', maker: 'マキタ', model: 'TD173DRGX', price: 62000, count: [4, 2] },
  { prefix: 'A', name: '充電式ドライバドリル', maker: 'マキタ', model: 'DF484DRGX', price: 48000, count: [2, 2] },
  { prefix: 'A', name: '充電式マルノコ', maker: 'マキタ', model: 'HS631DGXS', price: 68000, count: [2, 0] },
  { prefix: 'A', name: '充電式ディスクグラインダ', maker: 'マキタ', model: 'GA408DRGX', price: 52000, count: [2, 1] },
  { prefix: 'A', name: '充電式ハンマドリル', maker: 'マキタ', model: 'HR244DRGX', price: 64000, count: [1, 2] },
  { prefix: 'A', name: '電動ハンマ', maker: 'マキタ', model: 'HM0871C', price: 98000, count: [1, 0] },
  { prefix: 'A', name: '充電式クリーナ', maker: 'マキタ', model: 'CL282FDRFW', price: 22000, count: [2, 1] },
  { prefix: 'A', name: 'エアコンプレッサ', maker: 'マキタ', model: 'AC462XL', price: 98000, count: [1, 0] },
  { prefix: 'A', name: 'コードレスインパクトドライバ', maker: 'HiKOKI', model: 'WH36DC', price: 58000, count: [2, 2] },
  { prefix: 'A', name: 'コードレスロータリハンマドリル', maker: 'HiKOKI', model: 'DH36DPE', price: 72000, count: [1, 1] },
  { prefix: 'A', name: '電子丸のこ', maker: 'HiKOKI', model: 'C6MEY2', price: 28000, count: [1, 0] },
  { prefix: 'A', name: 'コードレス全ねじカッタ', maker: 'HiKOKI', model: 'CL18DSL', price: 85000, count: [1, 1] },
  { prefix: 'A', name: '充電レシプロソー', maker: 'パナソニック', model: 'EZ45A1LJ2G', price: 55000, count: [1, 1] },
  { prefix: 'A', name: '電動ドライバーセット', maker: 'パナソニック', model: 'EZ7521LA2S', price: 36000, count: [1, 2] },
  { prefix: 'A', name: '振動ドリル', maker: '日立工機', model: 'FDV16VB', price: 12000, count: [1, 1] },
  { prefix: 'B', name: 'ラチェットレンチセット', maker: 'KTC', model: 'TB313X', price: 18000, count: [2, 1] },
  { prefix: 'B', name: 'モンキレンチ 300mm', maker: 'KTC', model: 'MWA-300', price: 4200, count: [2, 1] },
  { prefix: 'B', name: '六角棒レンチセット', maker: 'KTC', model: 'HLD2009', price: 6500, count: [1, 1] },
  { prefix: 'B', name: '圧着工具', maker: 'ロブテックス', model: 'AK15A', price: 5800, count: [1, 3] },
  { prefix: 'B', name: 'ケーブルカッター', maker: 'マーベル', model: 'ME-60', price: 9800, count: [1, 3] },
  { prefix: 'B', name: 'ワイヤーストリッパー', maker: 'ホーザン', model: 'P-967', price: 3800, count: [1, 3] },
  { prefix: 'B', name: 'トルクレンチ', maker: '東日製作所', model: 'QL50N', price: 32000, count: [1, 1] },
  { prefix: 'B', name: '脚立 6尺', maker: 'ハセガワ', model: 'RA-18', price: 24000, count: [3, 2] },
  { prefix: 'C', name: 'デジタルマルチメータ', maker: '共立電気計器', model: 'KEW 1052', price: 38000, count: [1, 3], calibrated: true },
  { prefix: 'C', name: '絶縁抵抗計', maker: '共立電気計器', model: 'KEW 3021A', price: 42000, count: [1, 3], calibrated: true },
  { prefix: 'C', name: '接地抵抗計', maker: '共立電気計器', model: 'KEW 4105DL', price: 39000, count: [0, 2], calibrated: true },
  { prefix: 'C', name: 'クランプメータ', maker: '日置電機', model: 'CM4372', price: 52000, count: [1, 3], calibrated: true },
  { prefix: 'C', name: '絶縁抵抗計', maker: '日置電機', model: 'IR4056-21', price: 48000, count: [0, 2], calibrated: true },
  { prefix: 'C', name: '検電器', maker: '日置電機', model: '3481-20', price: 9800, count: [1, 3] },
  { prefix: 'C', name: '検相器', maker: '日置電機', model: 'PD3259', price: 46000, count: [0, 2], calibrated: true },
  { prefix: 'C', name: 'レーザー墨出し器', maker: 'タジマ', model: 'ZEROBL-KJY', price: 168000, count: [2, 1], calibrated: true },
  { prefix: 'C', name: 'レーザー距離計', maker: 'タジマ', model: 'F05', price: 18000, count: [2, 1] },
  { prefix: 'C', name: 'コンベックス 5.5m', maker: 'タジマ', model: 'GASFG2255', price: 2800, count: [3, 2] },
  { prefix: 'C', name: 'オートレベル', maker: 'トプコン', model: 'AT-B4A', price: 98000, count: [1, 0], calibrated: true },
  { prefix: 'C', name: 'デジタルノギス 150mm', maker: 'ミツトヨ', model: 'CD-15AX', price: 12800, count: [1, 1], calibrated: true },
  { prefix: 'D', name: 'フルハーネス', maker: 'タジマ', model: 'A1GSMJR-WL8BK', price: 28000, count: [3, 2] },
  { prefix: 'D', name: '墜落制止用器具', maker: '藤井電工', model: 'TH-504-OT', price: 24000, count: [2, 1] },
  { prefix: 'D', name: '保護帽', maker: '谷沢製作所', model: 'ST#1830-JZ', price: 4500, count: [4, 2] },
  { prefix: 'D', name: '電気用ゴム手袋', maker: '渡部工業', model: 'No.510', price: 9800, count: [0, 2] },
  { prefix: 'D', name: '防じんマスク', maker: '重松製作所', model: 'DR28SU2W', price: 3200, count: [2, 1] },
  { prefix: 'E', name: '養生テープ 50mm×25m', maker: 'カモ井加工紙', model: 'No.3303', price: 250, count: [1, 1], stock: [48, 20, '巻'] },
  { prefix: 'E', name: 'ビニールテープ 黒', maker: '日東電工', model: 'No.21', price: 120, count: [1, 1], stock: [18, 30, '巻'] },
  { prefix: 'E', name: '結束バンド 200mm', maker: 'ヘラマンタイトン', model: 'AB200-W', price: 900, count: [1, 1], stock: [25, 10, '袋'] },
  { prefix: 'E', name: '切断砥石 105mm', maker: 'マキタ', model: 'A-53986', price: 150, count: [1, 0], stock: [8, 20, '枚'] },
  { prefix: 'E', name: '差込形コネクタ 2本用', maker: 'ニチフ', model: 'QLX-2', price: 1800, count: [0, 1], stock: [3, 5, '箱'] },
  { prefix: 'E', name: '軍手', maker: 'おたふく手袋', model: '12双組', price: 600, count: [1, 1], stock: [40, 12, '双'] },
]

export interface SeedPlace {
  type: 'warehouse' | 'site'
  name: string
  address: string
  manager: string | null
  startsOn?: string
  endsOn?: string
  closed?: boolean
}

export const seedPlaces: Record<string, SeedPlace[]> = {
  demo: [
    { type: 'warehouse', name: '会社倉庫', address: '東京都江東区新木場2-4-1', manager: '佐藤 花子' },
    { type: 'warehouse', name: '第二倉庫（資材置場）', address: '千葉県浦安市鉄鋼通り3-2-8', manager: '鈴木 一郎' },
    { type: 'site', name: '渋谷ビル改修工事', address: '東京都渋谷区道玄坂1-12-3', manager: '鈴木 一郎', startsOn: '2026-04-01', endsOn: '2027-03-31' },
    { type: 'site', name: '世田谷区立小学校 耐震補強', address: '東京都世田谷区若林4-22-1', manager: '山田 太郎', startsOn: '2026-07-15', endsOn: '2027-01-31' },
    { type: 'site', name: '川崎物流センター新築', address: '神奈川県川崎市川崎区浮島町10-5', manager: '鈴木 一郎', startsOn: '2026-02-01' },
    { type: 'site', name: '横浜マンション外壁塗装', address: '神奈川県横浜市港北区新横浜2-6-13', manager: '田中 次郎', startsOn: '2025-09-01', endsOn: '2026-03-20', closed: true },
  ],
  'sakura-denki': [
    { type: 'warehouse', name: '会社倉庫', address: '埼玉県さいたま市大宮区桜木町4-333', manager: '渡辺 由美' },
    { type: 'warehouse', name: '川口資材センター', address: '埼玉県川口市領家5-14-2', manager: '中村 翔' },
    { type: 'site', name: '大宮駅前再開発 電気設備', address: '埼玉県さいたま市大宮区錦町630', manager: '中村 翔', startsOn: '2026-05-10', endsOn: '2027-06-30' },
    { type: 'site', name: '浦和病院 受変電設備更新', address: '埼玉県さいたま市浦和区高砂3-1-4', manager: '伊藤 健', startsOn: '2026-09-01', endsOn: '2026-12-25' },
    { type: 'site', name: '所沢工場 照明LED化', address: '埼玉県所沢市東住吉7-2', manager: '中村 翔', startsOn: '2026-10-01' },
  ],
}
