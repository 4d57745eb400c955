import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../../../src-shared/domain/case';
import { toMajor, type Money } from '../../../../src-shared/domain/money';
import { formatDateTime } from '../../../i18n/format';

/** Amounts in the order's currency, written the way the agent's UI language writes money. */
export function formatMoney(language: string, money: Money): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: money.currency }).format(toMajor(money));
}

export function OrderPanel({ order }: { order: Order | undefined }) {
  const { t, i18n } = useTranslation('case');
  const language = i18n.language;
  if (order === undefined)
    return (
      <Typography variant="body2" color="text.secondary">
        {t('order.none')}
      </Typography>
    );
  const dates: Array<['purchased' | 'shipped' | 'delivered', string | undefined]> = [
    ['purchased', order.purchasedAt],
    ['shipped', order.shippedAt],
    ['delivered', order.deliveredAt],
  ];
  return (
    <Box sx={{ display: 'grid', gap: 1 }}>
      <Typography variant="body2">
        {t('order.id', { platform: order.platform })} <bdi data-testid="order-id">{order.orderId}</bdi>
      </Typography>
      <Box
        component="dl"
        sx={{ m: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 1.5, rowGap: 0.25, fontSize: 14 }}
      >
        {dates.map(([name, value]) =>
          value === undefined ? null : (
            <Box key={name} sx={{ display: 'contents' }}>
              <Box component="dt" sx={{ color: 'text.secondary' }}>
                {t(`order.${name}`)}
              </Box>
              <Box component="dd" sx={{ m: 0 }}>
                <time dateTime={value}>{formatDateTime(language, value)}</time>
              </Box>
            </Box>
          ),
        )}
        {order.returnReceivedAt !== undefined && (
          <Box sx={{ display: 'contents' }}>
            <Box component="dt" sx={{ color: 'text.secondary' }}>
              {t('order.returnReceived')}
            </Box>
            <Box component="dd" sx={{ m: 0 }}>
              <time dateTime={order.returnReceivedAt}>
                {new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
                  Date.parse(`${order.returnReceivedAt}T00:00:00Z`),
                )}
              </time>
            </Box>
          </Box>
        )}
      </Box>
      <Table size="small" aria-label={t('order.itemsLabel')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('order.item')}</TableCell>
            <TableCell align="right">{t('order.quantity')}</TableCell>
            <TableCell align="right">{t('order.price')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {order.items.map((item) => (
            <TableRow key={item.sku}>
              <TableCell>
                <bdi>{item.title}</bdi>
              </TableCell>
              <TableCell align="right">{new Intl.NumberFormat(language).format(item.quantity)}</TableCell>
              <TableCell align="right">
                <bdi>{formatMoney(language, item.unitPrice)}</bdi>
              </TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell colSpan={2} sx={{ fontWeight: 600 }}>
              {t('order.total')}
            </TableCell>
            <TableCell align="right" sx={{ fontWeight: 600 }} data-testid="order-total">
              <bdi>{formatMoney(language, order.total)}</bdi>
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </Box>
  );
}
