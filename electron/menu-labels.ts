/**
 * The application menu's labels in Vietnamese and English. The menu follows the language the
 * user picks in the renderer (sent over 'app:set-language'); Vietnamese is the default.
 * Accelerator hints use Electron's "&" mnemonics only in English, where they are customary.
 */
import type { AppLanguage } from './ipc-contract';

export interface MenuLabels {
  readonly file: string;
  readonly newLab: string;
  readonly open: string;
  readonly openRecent: string;
  readonly noRecentFiles: string;
  readonly clearRecent: string;
  readonly save: string;
  readonly saveAs: string;
  readonly exportCapture: string;
  readonly quit: string;
  readonly edit: string;
  readonly undo: string;
  readonly redo: string;
  readonly cut: string;
  readonly copy: string;
  readonly paste: string;
  readonly selectAll: string;
  readonly view: string;
  readonly resetZoom: string;
  readonly zoomIn: string;
  readonly zoomOut: string;
  readonly toggleFullScreen: string;
  readonly toggleDevTools: string;
  readonly reload: string;
  readonly help: string;
  readonly about: string;
  readonly aboutDetail: string;
  readonly labFileFilter: string;
  readonly allFilesFilter: string;
  readonly openDialogTitle: string;
  readonly saveDialogTitle: string;
  readonly exportCaptureDialogTitle: string;
  readonly captureFileFilter: string;
  readonly saveTextDialogTitle: string;
  readonly yamlFileFilter: string;
  /** The question asked when the window closes with unsaved changes. */
  readonly discardTitle: string;
  readonly discardMessage: string;
  readonly discardDetail: string;
  readonly discardButton: string;
  readonly keepEditingButton: string;
}

export const MENU_LABELS: { readonly [L in AppLanguage]: MenuLabels } = {
  vi: {
    file: 'Tệp',
    newLab: 'Bài lab mới',
    open: 'Mở…',
    openRecent: 'Mở gần đây',
    noRecentFiles: '(Chưa có tệp nào)',
    clearRecent: 'Xóa danh sách',
    save: 'Lưu',
    saveAs: 'Lưu thành…',
    exportCapture: 'Xuất tệp bắt gói (pcapng)…',
    quit: 'Thoát',
    edit: 'Sửa',
    undo: 'Hoàn tác',
    redo: 'Làm lại',
    cut: 'Cắt',
    copy: 'Sao chép',
    paste: 'Dán',
    selectAll: 'Chọn tất cả',
    view: 'Hiển thị',
    resetZoom: 'Đặt lại thu phóng',
    zoomIn: 'Phóng to',
    zoomOut: 'Thu nhỏ',
    toggleFullScreen: 'Toàn màn hình',
    toggleDevTools: 'Công cụ nhà phát triển',
    reload: 'Tải lại',
    help: 'Trợ giúp',
    about: 'Giới thiệu V6Lab',
    aboutDetail: 'Phòng thí nghiệm IPv6 ngoại tuyến cho cán bộ CNTT cơ quan nhà nước.',
    labFileFilter: 'Bài lab V6Lab',
    allFilesFilter: 'Tất cả các tệp',
    openDialogTitle: 'Mở bài lab',
    saveDialogTitle: 'Lưu bài lab',
    exportCaptureDialogTitle: 'Xuất tệp bắt gói',
    captureFileFilter: 'Tệp bắt gói pcapng',
    saveTextDialogTitle: 'Lưu tệp',
    yamlFileFilter: 'Tệp YAML',
    discardTitle: 'Thay đổi chưa lưu',
    discardMessage: 'Bỏ các thay đổi chưa lưu?',
    discardDetail: 'Bài lab có thay đổi chưa được lưu. Nếu đóng bây giờ, các thay đổi đó sẽ mất.',
    discardButton: 'Bỏ thay đổi và đóng',
    keepEditingButton: 'Tiếp tục làm',
  },
  en: {
    file: '&File',
    newLab: 'New lab',
    open: 'Open…',
    openRecent: 'Open recent',
    noRecentFiles: '(No recent files)',
    clearRecent: 'Clear list',
    save: 'Save',
    saveAs: 'Save as…',
    exportCapture: 'Export capture (pcapng)…',
    quit: 'Quit',
    edit: '&Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    view: '&View',
    resetZoom: 'Actual size',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    toggleFullScreen: 'Toggle full screen',
    toggleDevTools: 'Toggle developer tools',
    reload: 'Reload',
    help: '&Help',
    about: 'About V6Lab',
    aboutDetail: 'An offline IPv6 lab for the IT staff of state agencies.',
    labFileFilter: 'V6Lab lab',
    allFilesFilter: 'All files',
    openDialogTitle: 'Open lab',
    saveDialogTitle: 'Save lab',
    exportCaptureDialogTitle: 'Export capture',
    captureFileFilter: 'pcapng capture',
    saveTextDialogTitle: 'Save file',
    yamlFileFilter: 'YAML file',
    discardTitle: 'Unsaved changes',
    discardMessage: 'Discard unsaved changes?',
    discardDetail: 'The lab has changes that are not saved. Closing now loses them.',
    discardButton: 'Discard and close',
    keepEditingButton: 'Keep editing',
  },
};
