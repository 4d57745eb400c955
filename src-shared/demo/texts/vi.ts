import type { DemoTexts } from '../demoTexts';

export const vi: DemoTexts = {
  subjects: {
    return_refund: 'Yêu cầu trả hàng và hoàn tiền',
    exchange: 'Đổi size',
    repair_warranty: 'Bảo hành sửa chữa',
    complaint: 'Khiếu nại về đơn hàng',
    price_protection: 'Giá giảm ngay sau khi mua',
    privacy_request: 'Yêu cầu truy cập dữ liệu cá nhân',
    payment_issue: 'Bị trừ tiền hai lần',
    inquiry: 'Hỏi tình trạng giao hàng',
  },
  openings: {
    return_refund: [
      'Chào shop, mình nhận đơn {order} hôm qua nhưng sản phẩm không đúng mô tả. Mình muốn trả hàng và hoàn tiền.',
      'Chào bạn, sản phẩm trong đơn {order} giao tới thì vỏ đã bị nứt. Nhờ shop hỗ trợ trả hàng giúp mình.',
      'Đơn {order} mình chưa mở hộp, giờ không cần nữa. Mình có thể trả lại và nhận lại tiền không?',
    ],
    exchange: [
      'Chào shop, giày trong đơn {order} bị nhỏ một size. Đổi sang size lớn hơn được không ạ?',
      'Mình đặt màu xanh trong đơn {order} mà nhận được màu xám. Shop đổi giúp mình nhé.',
      'Áo khoác trong đơn {order} hơi chật ở vai, đổi sang size M được không ạ?',
    ],
    repair_warranty: [
      'Chào shop, thiết bị trong đơn {order} dùng được ba tháng thì không sạc được nữa. Vẫn còn bảo hành, mình phải làm sao?',
      'Động cơ của sản phẩm trong đơn {order} kêu to rồi tắt luôn. Mình muốn gửi bảo hành.',
      'Màn hình máy (đơn {order}) tự nhiên tối đen dù không bị rơi. Shop sửa hoặc đổi máy giúp mình được không?',
    ],
    complaint: [
      'Đây là lần thứ ba mình nhắn về đơn {order} mà chưa ai trả lời. Mình rất thất vọng.',
      'Đơn {order} giao trễ hai tuần, hộp còn bị móp. Mình mong được bồi thường.',
      'Sản phẩm trong đơn {order} khác hoàn toàn so với hình. Mình cảm thấy bị lừa.',
    ],
    price_protection: [
      'Chào shop, mua đơn {order} được một tuần thì giá giảm nhiều. Shop hoàn phần chênh lệch được không?',
      'Sản phẩm trong đơn {order} giờ đang sale rẻ hơn nhiều. Mình có được hoàn tiền chênh lệch không?',
      'Năm ngày trước mình đặt đơn {order}, hôm nay giá lại thấp hơn. Shop có chính sách bảo vệ giá không?',
    ],
    privacy_request: [
      'Chào bạn, theo quy định về bảo vệ dữ liệu cá nhân, mình yêu cầu cung cấp toàn bộ dữ liệu cá nhân của mình mà công ty đang lưu.',
      'Vui lòng xoá tài khoản và toàn bộ dữ liệu cá nhân của mình, xong thì báo lại giúp mình.',
      'Mình chưa bao giờ đồng ý nhận quảng cáo. Đề nghị ngừng dùng dữ liệu của mình cho mục đích tiếp thị.',
    ],
    payment_issue: [
      'Thẻ của mình bị trừ tiền hai lần cho đơn {order}. Shop hoàn lại khoản trùng giúp mình sớm nhé.',
      'Thanh toán đơn {order} báo thất bại nhưng tài khoản đã bị trừ tiền rồi.',
      'Sao kê có một khoản trừ tiền từ shop cho đơn {order} mà mình không nhận ra. Shop kiểm tra giúp mình.',
    ],
    inquiry: [
      'Chào shop, đơn {order} khi nào gửi đi ạ? Mã vận đơn bốn ngày rồi không cập nhật.',
      'Thiết bị trong đơn {order} có dùng được ổ điện Việt Nam không, hay cần đầu chuyển?',
      'Mình còn đổi địa chỉ nhận hàng của đơn {order} được không? Tuần sau mình không ở nhà.',
    ],
  },
  followUps: [
    'Cảm ơn shop đã phản hồi. Mình đã gửi ảnh như shop yêu cầu.',
    'Có cập nhật gì chưa ạ? Đã mấy ngày rồi.',
    'Mình đã gửi trả hàng hôm nay, mã vận đơn là GHN8XK2LQ9.',
  ],
  replies: [
    'Cảm ơn bạn đã liên hệ và xin lỗi vì sự bất tiện. Mình đang kiểm tra đơn hàng và sẽ phản hồi bạn ngay.',
    'Shop đã gửi phiếu trả hàng miễn phí qua email. Tiền sẽ được hoàn ngay khi shop nhận lại hàng.',
    'Bạn gửi giúp shop ảnh sản phẩm và nhãn trên hộp nhé, như vậy shop xử lý nhanh hơn.',
  ],
};
