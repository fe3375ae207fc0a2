/* UI strings of the security feature: Chinese defines the keys, English is typed against them. */
import type { Widen } from '../messages';

export const securityZh = {
  title: '安全',
  loading: '正在检查本机密钥…',
  setup: {
    title: '设置本机口令',
    intro: '本机上的案件、证件号码和证据都用这个口令保护。丢失笔记本时，没有口令的人看不到任何数据。',
    passphrase: '口令',
    confirm: '再次输入口令',
    submit: '设置口令并进入',
    mismatch: '两次输入的口令不一致',
    strength: {
      weak: '强度：弱（至少 8 个字符，建议用一句好记的话）',
      fair: '强度：一般（再长一些会更安全）',
      strong: '强度：强',
    },
  },
  unlock: {
    title: '解锁背包仲裁庭',
    intro: '输入本机口令以继续。',
    passphrase: '口令',
    submit: '解锁',
    working: '正在解锁…',
    forgot: '忘记口令？',
    retryIn: '请 {{seconds}} 秒后再试',
  },
  recover: {
    title: '找回数据',
    steps:
      '口令无法找回，但数据可以：1. 联系本机构的管理员，把本机密钥编号和下面的恢复数据发给他；2. 管理员在中心服务器上用机构恢复密钥取出本机的数据密钥（需要多名保管人共同操作）；3. 把管理员给你的数据密钥粘贴到下面，并设置新口令。',
    keyId: '本机密钥编号：{{keyId}}',
    wrapped: '发给管理员的恢复数据（已用机构恢复公钥加密，可以放心复制）',
    noEscrow: '本机尚未向机构登记恢复密钥，管理员无法恢复；请继续尝试口令。',
    dataKey: '恢复的数据密钥',
    newPassphrase: '新口令',
    submit: '恢复并设置新口令',
    back: '返回解锁',
  },
  errors: {
    no_keyring: '本机尚未设置口令',
    already_exists: '本机已设置口令',
    weak_passphrase: '口令至少需要 8 个字符',
    wrong_passphrase: '口令不正确',
    throttled: '尝试次数过多，请稍后再试（数据不会被锁定或删除）',
    corrupt_keyring: '密钥文件已损坏，请联系管理员按恢复流程找回数据',
    keystore_changed:
      '系统钥匙串自上次启动后已变化（例如更换了系统账户或重装系统）。请联系管理员按恢复流程找回数据。',
    keystore_unavailable: '系统钥匙串中的密钥不可用。请联系管理员按恢复流程找回数据。',
    wrong_recovery_key: '这个恢复密钥不属于本机的数据',
    bad_recovery_public_key: '机构恢复公钥无效',
    storage_failed: '无法读写本机密钥文件',
  },
  locked: '已锁定',
  disclosure: {
    none: '导出的文件不含证件号码、电话等个人敏感信息。',
    masked: '导出的文件含个人敏感信息（{{fields}}），已部分遮蔽；文件中写明了这一点。',
    full: '导出的文件含完整的个人敏感信息（{{fields}}），未遮蔽；文件中写明了这一点。请妥善保管，勿随意转发。',
    evidencePackage:
      '核验包含 {{files}} 份证据原件，原样导出、未遮蔽，可能含身份证件、电话、住址、工资、健康等个人敏感信息；清单含当事人姓名。包内 README 与证据清单写明了这一点。',
    field: {
      idNumber: '证件号码',
      phone: '电话号码',
      address: '住址',
      bankAccount: '银行账号',
      health: '健康信息',
      hardship: '经济困难情况',
    },
  },
  migrate: {
    working: '正在加密升级前保存在本机的数据（{{phase}}：已完成 {{done}} 项）…请勿关机',
    phase: {
      events: '案件记录',
      cases: '案件列表',
      caseStates: '案件档案',
      caseFacts: '统计数据',
      meta: '同步信息',
      chunks: '证据文件',
      journalLines: '本机日志',
    },
    failed:
      '加密升级前的本机数据没有完成：{{message}}。已加密的部分保留，数据没有丢失；重试或重新启动后会从中断处继续。',
    retry: '重试',
  },
  sealed: {
    tampered: '{{record}}未通过完整性校验：本机上的这份数据已被篡改或损坏，因此不予显示。',
    wrong_key: '{{record}}不是用本机的数据密钥加密的（可能是从别的设备拷来的数据），无法打开。',
    malformed: '{{record}}的本机数据格式已损坏，无法识别，因此不予显示。',
    unreadable: '{{record}}暂时无法从本机读取。',
    whatToDo:
      '其他案件不受影响。请联网同步，从中心服务器重新取回本案；如果反复出现，请联系管理员，并保留这台电脑以便检查是否有人动过本机数据。',
    caseRecord: '案件档案（{{id}}）',
    evidenceRecord: '第 {{no}} 号证据“{{name}}”',
    short: '无法打开：校验失败',
    row: {
      label: '数据已损坏/被篡改',
      case: '案件 {{id}}',
      tampered: '完整性校验失败，不予显示',
      wrong_key: '不是用本机密钥加密的数据',
      malformed: '本机数据格式已损坏',
      unreadable: '暂时无法从本机读取',
      hint: '其他案件不受影响；打开本案查看处理办法',
    },
  },
  settings: {
    title: '本机安全',
    keyId: '本机密钥编号',
    platformLabel: '系统钥匙串',
    platform: {
      bound: '已绑定（{{backend}}）：拷走的数据即使知道口令也打不开',
      refused: '未使用：{{backend}} 不能保护密钥（Linux 需要 GNOME 密钥环或 KWallet）',
      unavailable: '不可用：本机数据只由口令保护',
    },
    escrowHeld: '已托管到机构，忘记口令时管理员可以恢复',
    escrowNone: '未托管：忘记口令时数据无法恢复',
    change: '修改口令',
    changeIntro: '只重新保护本机数据密钥，案件数据不重新加密；新口令验证成功后旧口令才失效。',
    old: '当前口令',
    new: '新口令',
    confirm: '再次输入新口令',
    submit: '修改口令',
    changing: '正在修改…',
    changed: '口令已修改。下次解锁请使用新口令。',
    unverified: '新口令未能保存或验证，旧口令仍然有效；请稍后重试。',
  },
  escrow: {
    passphrase: '本机口令',
    passphraseHint: '用于把本机数据密钥托管给机构（忘记口令时由管理员恢复）',
    title: '恢复密钥',
    escrowed: '本机数据密钥已托管到机构（{{date}}），忘记口令时管理员可以恢复数据。',
    notSent: '本机数据密钥尚未送达中心服务器，忘记口令时管理员无法恢复。请在联网时重试。',
    noOrgKey:
      '机构尚未设置恢复密钥，本机数据密钥没有托管；忘记口令时数据无法恢复。请联系管理员生成机构恢复密钥后重新登记。',
    retry: '重新托管',
    retrying: '正在托管…',
    failed: '托管失败：{{detail}}',
  },
  reveal: {
    show: '显示',
    label: '显示完整{{field}}（将记录查看日志）',
    fields: {
      idNumber: '证件号码',
      phone: '电话号码',
      address: '住址',
      bankAccount: '银行账号',
      health: '健康信息',
      hardship: '经济困难情况',
    },
  },
} as const;

export const securityEn: Widen<typeof securityZh> = {
  title: 'Security',
  loading: 'Checking this device’s key…',
  setup: {
    title: 'Set this device’s passphrase',
    intro:
      'Cases, ID numbers and evidence on this device are protected by this passphrase. If the laptop is lost, nobody without it can read anything.',
    passphrase: 'Passphrase',
    confirm: 'Repeat the passphrase',
    submit: 'Set passphrase and continue',
    mismatch: 'The two passphrases differ',
    strength: {
      weak: 'Strength: weak (at least 8 characters; a memorable sentence works well)',
      fair: 'Strength: fair (longer is safer)',
      strong: 'Strength: strong',
    },
  },
  unlock: {
    title: 'Unlock Backpack Tribunal',
    intro: 'Enter this device’s passphrase to continue.',
    passphrase: 'Passphrase',
    submit: 'Unlock',
    working: 'Unlocking…',
    forgot: 'Forgot the passphrase?',
    retryIn: 'Try again in {{seconds}} s',
  },
  recover: {
    title: 'Recover your data',
    steps:
      'The passphrase cannot be recovered, but the data can: 1. contact your organisation’s administrator and send the device key id and the recovery data below; 2. the administrator unwraps this device’s data key on the hub with the organisation recovery key (several custodians together); 3. paste the data key you are given below and set a new passphrase.',
    keyId: 'Device key id: {{keyId}}',
    wrapped: 'Recovery data for the administrator (encrypted to the organisation recovery key; safe to copy)',
    noEscrow:
      'This device has not escrowed its key to the organisation, so it cannot be recovered; keep trying your passphrase.',
    dataKey: 'Recovered data key',
    newPassphrase: 'New passphrase',
    submit: 'Recover and set a new passphrase',
    back: 'Back to unlock',
  },
  errors: {
    no_keyring: 'No passphrase has been set on this device',
    already_exists: 'A passphrase is already set on this device',
    weak_passphrase: 'The passphrase needs at least 8 characters',
    wrong_passphrase: 'Wrong passphrase',
    throttled: 'Too many attempts; try again shortly (the data is never locked or deleted)',
    corrupt_keyring: 'The key file is damaged; ask your administrator for the recovery procedure',
    keystore_changed:
      'The OS keystore changed since the last start (another OS account or a reinstall). Ask your administrator for the recovery procedure.',
    keystore_unavailable:
      'The key in the OS keystore is unavailable. Ask your administrator for the recovery procedure.',
    wrong_recovery_key: 'This recovery key does not belong to this device’s data',
    bad_recovery_public_key: 'The organisation recovery public key is unusable',
    storage_failed: 'The key file on this device cannot be read or written',
  },
  locked: 'Locked',
  disclosure: {
    none: 'The exported file contains no ID numbers, phone numbers or other sensitive personal data.',
    masked:
      'The exported file contains sensitive personal data ({{fields}}), partly masked; the file says so.',
    full: 'The exported file contains sensitive personal data in full ({{fields}}), unmasked; the file says so. Keep it safe and do not forward it.',
    evidencePackage:
      'The package holds {{files}} evidence originals exported as they are, unmasked; they may contain ID documents, phone numbers, addresses, wages or health data, and the lists name the parties. The README and the inventory inside say so.',
    field: {
      idNumber: 'ID number',
      phone: 'phone number',
      address: 'address',
      bankAccount: 'bank account',
      health: 'health data',
      hardship: 'hardship details',
    },
  },
  migrate: {
    working:
      'Encrypting the data stored here before the upgrade ({{phase}}: {{done}} done)… do not switch off',
    phase: {
      events: 'case records',
      cases: 'caseload',
      caseStates: 'case files',
      caseFacts: 'statistics',
      meta: 'sync data',
      chunks: 'evidence files',
      journalLines: 'device journal',
    },
    failed:
      'Encrypting the data stored before the upgrade did not finish: {{message}}. What is already encrypted stays and nothing is lost; retry or restart to continue where it stopped.',
    retry: 'Retry',
  },
  sealed: {
    tampered:
      '{{record}} failed its integrity check: the copy on this device was tampered with or damaged, so it is not shown.',
    wrong_key:
      '{{record}} was not encrypted with this device’s data key (perhaps copied from another device) and cannot be opened.',
    malformed: '{{record}} is stored in a damaged format on this device and is not shown.',
    unreadable: '{{record}} cannot be read from this device right now.',
    whatToDo:
      'Other cases are not affected. Sync to fetch this case again from the hub; if it keeps happening, contact your administrator and keep this laptop so it can be checked for tampering.',
    caseRecord: 'Case file ({{id}})',
    evidenceRecord: 'Evidence no. {{no}} “{{name}}”',
    short: 'Cannot open: check failed',
    row: {
      label: 'Damaged or tampered data',
      case: 'Case {{id}}',
      tampered: 'failed its integrity check, not shown',
      wrong_key: 'not encrypted with this device’s key',
      malformed: 'stored in a damaged format',
      unreadable: 'cannot be read right now',
      hint: 'Other cases are not affected; open the case for what to do',
    },
  },
  settings: {
    title: 'Device security',
    keyId: 'Device key id',
    platformLabel: 'OS keystore',
    platform: {
      bound: 'Bound ({{backend}}): a copied profile cannot be opened even with the passphrase',
      refused: 'Not used: {{backend}} does not protect keys (Linux needs GNOME Keyring or KWallet)',
      unavailable: 'Unavailable: the data here is protected by the passphrase only',
    },
    escrowHeld: 'Escrowed with the organisation; an administrator can recover a forgotten passphrase',
    escrowNone: 'Not escrowed: a forgotten passphrase cannot be recovered',
    change: 'Change passphrase',
    changeIntro:
      'Only this device’s data key is re-protected; case data is not re-encrypted. The old passphrase stops working only after the new one is verified.',
    old: 'Current passphrase',
    new: 'New passphrase',
    confirm: 'Repeat the new passphrase',
    submit: 'Change passphrase',
    changing: 'Changing…',
    changed: 'Passphrase changed. Use the new one next time you unlock.',
    unverified:
      'The new passphrase could not be saved or verified; the old one still works. Try again later.',
  },
  escrow: {
    passphrase: 'Device passphrase',
    passphraseHint:
      'Used to escrow this device’s data key with the organisation (an administrator can recover it if you forget the passphrase)',
    title: 'Recovery key',
    escrowed:
      'This device’s data key is escrowed with the organisation ({{date}}); an administrator can recover the data if the passphrase is forgotten.',
    notSent:
      'This device’s data key has not reached the hub yet; a forgotten passphrase could not be recovered. Retry when online.',
    noOrgKey:
      'The organisation has no recovery key, so this device’s data key is not escrowed and a forgotten passphrase cannot be recovered. Ask an administrator to create the organisation recovery key, then enroll again.',
    retry: 'Escrow again',
    retrying: 'Escrowing…',
    failed: 'Escrow failed: {{detail}}',
  },
  reveal: {
    show: 'Show',
    label: 'Show the full {{field}} (the view is logged)',
    fields: {
      idNumber: 'ID number',
      phone: 'phone number',
      address: 'address',
      bankAccount: 'bank account',
      health: 'health information',
      hardship: 'financial hardship details',
    },
  },
};
