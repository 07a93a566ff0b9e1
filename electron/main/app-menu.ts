import { Menu, app, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

/** The Chinese application menu. Navigation entries send the renderer to an area by hash route. */
export function buildAppMenu(getWindow: () => BrowserWindow | null, dataDir: string): Menu {
  const goTo = (route: string) => () => {
    void getWindow()?.webContents.executeJavaScript(`window.location.hash = ${JSON.stringify(`#/${route}`)}`);
  };
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件',
      submenu: [{ label: '打开数据文件夹', click: () => void shell.openPath(dataDir) }, { type: 'separator' }, { label: '退出', role: 'quit' }],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '评审批次', accelerator: 'CmdOrCtrl+1', click: goTo('batches') },
        { label: '项目', accelerator: 'CmdOrCtrl+2', click: goTo('projects') },
        { label: '发票核验', accelerator: 'CmdOrCtrl+3', click: goTo('invoices') },
        { label: '评分', accelerator: 'CmdOrCtrl+4', click: goTo('scoring') },
        { label: '汇总', accelerator: 'CmdOrCtrl+5', click: goTo('summary') },
        { label: '报告', accelerator: 'CmdOrCtrl+6', click: goTo('reports') },
        { label: '政策规则', accelerator: 'CmdOrCtrl+7', click: goTo('policies') },
        { type: 'separator' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { label: '实际大小', role: 'resetZoom' },
        { label: '全屏', role: 'togglefullscreen' },
      ],
    },
    {
      label: '帮助',
      submenu: [
        { label: '设置', click: goTo('settings') },
        { label: `关于${app.getName()}`, click: goTo('about') },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
