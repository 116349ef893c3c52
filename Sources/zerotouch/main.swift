import ZeroTouchCommands

await ZeroTouchCommand.runAsRoot()
